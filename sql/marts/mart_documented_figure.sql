-- Grain: one row per figure a source document states (an indicator, place and year), with its
-- own definition and the document: shown beside a series, never in it.
with

figures as (
    select * from core.fct_documented_figure
),

sources as (
    select * from core.dim_source
),

final as (
    select
        figures.*,
        sources.publisher,
        sources.title,
        sources.reference,
        sources.published_on,
        false as is_demo
    from figures
    inner join sources on figures.source_id = sources.source_id
)

select * from final
