"""Toegankelijkheid (/toegankelijkheid): the accessibility statement.

Written as Dutch public bodies write theirs (the model of digitoegankelijk.nl): the standard,
the status, what was tested and how, what does not work yet and what we do about it, and where
to report a problem. The list of known gaps is the honest part; keep it current.
"""

from __future__ import annotations

import dash
from dash import html

from dashboard.components.aria import aria
from dashboard.serving import runtime

dash.register_page(
    __name__,
    path="/toegankelijkheid",
    name="Toegankelijkheid",
    title="Toegankelijkheid · Sociaal Kompas",
    order=90,
    in_navigation=False,  # linked from every page's footer
)

TESTED = [
    "Elke pagina (Kerncijfers, Jeugdhulp, Verwijzingen, Uitgaven, Vrijwilligers, Casussen, een "
    "casuspagina en Gegevens) wordt bij elke wijziging van de software automatisch getoetst met "
    "axe-core 4.12 in een echte browser (Chromium), op een breed scherm (1400 pixels) en op "
    "telefoonbreedte (390 pixels). Een ernstige of kritieke bevinding houdt de wijziging tegen.",
    "Op telefoonbreedte wordt ook getoetst dat geen pagina zijwaarts scrolt en dat het menu "
    "inklapt achter een menuknop.",
    "Met het toetsenbord wordt getoetst dat de keuzelijsten, 'Toon als tabel', de downloadknoppen, "
    "'Delen' en 'Afdrukken' bereikbaar zijn en een zichtbare focusrand hebben.",
]

KNOWN_GAPS = [
    "De grafieken zelf zijn niet met het toetsenbord te doorlopen en een schermlezer leest ze "
    "niet punt voor punt voor. Daarom staat bij elke grafiek een zin met de kern en een tabel "
    "met precies de getoonde cijfers ('Toon als tabel'), en is alles te downloaden als CSV of "
    "Excel.",
    "Aanwijzen (hover) in een grafiek of kaart toont details die ook in de tabel staan. Een klik "
    "op de kaart of een staaf kiest een gemeente of jaar; dat kan ook met de keuzelijsten.",
    "Er is nog geen handmatige toets door een deskundige en geen toets met schermlezers (NVDA, "
    "VoiceOver). Automatische toetsen vinden ongeveer een derde van de mogelijke problemen.",
    "De brondocumenten van de casussen (PDF) zijn niet door ons gemaakt en zijn niet getoetst.",
]


def _section(title: str, children: list) -> html.Section:
    return html.Section([html.H2(title, className="h5"), *children], **aria(label=title))


def _contact(address: str) -> list:
    """Where to report a problem: the address the operator set (SK_CONTACT), or plainly none."""
    asked = "Noem de pagina en wat u probeerde; u krijgt binnen vijf werkdagen antwoord."
    if not address:
        return [
            html.P(
                "Loopt u ergens tegenaan? Meld het bij de gemeente of coöperatie die dit "
                "dashboard aanbiedt. " + asked
            ),
            html.P(
                "Deze installatie heeft nog geen contactadres opgegeven; de beheerder stelt het "
                "in met de instelling SK_CONTACT.",
                className="small sk-muted",
            ),
        ]
    href = address if address.startswith(("http://", "https://")) else f"mailto:{address}"
    return [
        html.P(["Loopt u ergens tegenaan? Meld het via ", html.A(address, href=href), ". ", asked])
    ]


def layout(**_query: object) -> html.Div:
    """The statement; it reads no data, so it also works when the store cannot be read."""
    return html.Div(
        [
            html.H1("Toegankelijkheidsverklaring", className="h3"),
            html.P(
                "Sociaal Kompas wil voor iedereen bruikbaar zijn, ook voor wie slecht ziet, geen "
                "muis gebruikt of op een telefoon leest. Overheden in Nederland moeten voldoen "
                "aan de Europese norm EN 301 549, die WCAG 2.1 op niveau AA volgt.",
                className="lead",
            ),
            _section(
                "Status",
                [
                    html.P(
                        "Deze website voldoet gedeeltelijk aan WCAG 2.1 niveau AA. Wat nog niet "
                        "voldoet staat hieronder, met wat we eraan doen."
                    )
                ],
            ),
            _section("Wat is getoetst en hoe", [html.Ul([html.Li(t) for t in TESTED])]),
            _section("Wat nog niet goed werkt", [html.Ul([html.Li(t) for t in KNOWN_GAPS])]),
            _section(
                "Een probleem melden",
                _contact(runtime.current().settings.contact),
            ),
            html.P("Deze verklaring is opgesteld op 25 november 2026.", className="small"),
        ]
    )
