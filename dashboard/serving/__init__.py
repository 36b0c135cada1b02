"""The web app around the pages: HTTP policy, caches, limits, previews, routes."""

CALLBACK_ROUTE = "/_dash-update-component"  # Dash's one endpoint for every callback
PAGE_ROUTER = ".._pages_content.children..._pages_store.data.."  # Dash pages' router output
