"""The demo dataset: partner regions, institutions, working groups, practices and events.

Names are realistic for the SEE cluster-policy field; the practices and events are illustrative,
not records of real programmes.
"""

# (country, NUTS 2 region) pairs of the partner regions.
REGIONS = (
    ("Romania", "Nord-Est"),
    ("Romania", "Centru"),
    ("Italy", "Veneto"),
    ("Italy", "Emilia-Romagna"),
    ("Greece", "Kentriki Makedonia"),
    ("Bulgaria", "Yugozapaden"),
    ("Slovenia", "Zahodna Slovenija"),
    ("Croatia", "Jadranska Hrvatska"),
    ("Serbia", "Region Vojvodine"),
    ("Hungary", "Del-Alfold"),
    ("Slovakia", "Vychodne Slovensko"),
    ("Austria", "Steiermark"),
)

# (title, kind, country, region, website, description)
INSTITUTIONS = (
    (
        "North-East Regional Development Agency (ADR Nord-Est)",
        "Regional public authority",
        "Romania",
        "Nord-Est",
        "https://www.adrnordest.ro",
        "Regional development agency in Piatra Neamt; coordinates the platform's working groups and "
        "the North-East regional innovation strategy.",
    ),
    (
        "Centru Regional Development Agency",
        "Regional public authority",
        "Romania",
        "Centru",
        "https://www.adrcentru.ro",
        "Manages regional operational programmes and supports the cluster initiatives of Alba Iulia, "
        "Brasov and Sibiu.",
    ),
    (
        "Veneto Innovation Agency",
        "Regional public authority",
        "Italy",
        "Veneto",
        "https://www.regione.veneto.it",
        "Implements the Veneto regional innovation networks law and its funding calls for clusters.",
    ),
    (
        "Emilia-Romagna Clust-ER Association",
        "Cluster association",
        "Italy",
        "Emilia-Romagna",
        "https://www.clust-er.it",
        "Associations of companies, research centres and training bodies in seven strategic value "
        "chains of the region.",
    ),
    (
        "Thessaloniki Technology Park",
        "R&D or technology-transfer body",
        "Greece",
        "Kentriki Makedonia",
        "https://www.thestep.gr",
        "Technology park hosting the ICT and agri-food cluster initiatives of Central Macedonia.",
    ),
    (
        "Bulgarian Association of Cluster Organisations",
        "Cluster association",
        "Bulgaria",
        "Yugozapaden",
        "https://www.clusterbulgaria.bg",
        "National network of cluster organisations, advising the ministry on cluster support schemes.",
    ),
    (
        "Slovenian Ministry of the Economy, Tourism and Sport",
        "National public authority",
        "Slovenia",
        "Zahodna Slovenija",
        "https://www.gov.si",
        "Responsible for the strategic research and innovation partnerships (SRIPs) in Slovenia.",
    ),
    (
        "Croatian Chamber of Economy",
        "Cluster organisation",
        "Croatia",
        "Jadranska Hrvatska",
        "https://www.hgk.hr",
        "Hosts the secretariats of the Croatian competitiveness clusters.",
    ),
    (
        "Development Agency of Serbia",
        "National public authority",
        "Serbia",
        "Region Vojvodine",
        "https://ras.gov.rs",
        "Runs the national cluster development programme and its annual grant call.",
    ),
    (
        "University of Szeged, Faculty of Economics",
        "University",
        "Hungary",
        "Del-Alfold",
        "https://www.u-szeged.hu",
        "Research group on regional innovation systems and cluster policy evaluation.",
    ),
    (
        "Kosice IT Valley",
        "Cluster organisation",
        "Slovakia",
        "Vychodne Slovensko",
        "https://www.itvalley.sk",
        "ICT cluster of eastern Slovakia linking companies, universities and the city of Kosice.",
    ),
    (
        "Styrian Business Promotion Agency (SFG)",
        "Regional public authority",
        "Austria",
        "Steiermark",
        "https://www.sfg.at",
        "Funds the Styrian cluster and network organisations and their internationalisation.",
    ),
)

# The working groups, one per central topic: (topic id, title, lead institution).
WORKING_GROUPS = (
    (
        "international-cooperation",
        "WG1 International cluster cooperation",
        "Croatian Chamber of Economy",
    ),
    ("financial-framework", "WG2 Financial framework", "Development Agency of Serbia"),
    (
        "sustainability",
        "WG3 Sustainable cluster development",
        "Styrian Business Promotion Agency (SFG)",
    ),
    ("innovation-rd", "WG4 Innovation and R&D", "Thessaloniki Technology Park"),
    ("skills-jobs", "WG5 Skills and jobs", "Centru Regional Development Agency"),
    (
        "specialisation",
        "WG6 Regional specialisation",
        "North-East Regional Development Agency (ADR Nord-Est)",
    ),
)

# (topic id, title, country, region, summary)
PRACTICES = (
    (
        "financial-framework",
        "Cluster innovation vouchers in the North-East region",
        "Romania",
        "Nord-Est",
        "Small vouchers of up to EUR 10,000 let cluster SMEs buy testing and design services from "
        "universities; 184 vouchers in three years, two thirds used by first-time innovators.",
    ),
    (
        "international-cooperation",
        "Joint internationalisation missions of Adriatic marine clusters",
        "Croatia",
        "Jadranska Hrvatska",
        "Four marine-technology clusters share trade missions and one stand at the major fairs, "
        "halving the cost per company.",
    ),
    (
        "innovation-rd",
        "Open laboratories for agri-food clusters in Central Macedonia",
        "Greece",
        "Kentriki Makedonia",
        "Shared pilot lines in the technology park let food processors test new products without "
        "their own equipment.",
    ),
    (
        "skills-jobs",
        "Dual vocational training designed with the automotive cluster",
        "Romania",
        "Centru",
        "Cluster companies and three vocational schools co-design curricula; 420 apprentices "
        "trained, 78 per cent hired by member companies.",
    ),
    (
        "specialisation",
        "Entrepreneurial discovery workshops for the Veneto smart specialisation strategy",
        "Italy",
        "Veneto",
        "Regional innovation networks ran 36 workshops to choose the strategy's priority domains.",
    ),
    (
        "sustainability",
        "Circular economy roadmap of the Styrian eco-innovation cluster",
        "Austria",
        "Steiermark",
        "Cluster members agreed a roadmap of shared recycling and energy-efficiency projects, "
        "cutting waste to landfill by a fifth.",
    ),
    (
        "financial-framework",
        "Performance-based funding of cluster organisations in Serbia",
        "Serbia",
        "Region Vojvodine",
        "Annual grants to cluster organisations depend on member growth, joint projects and "
        "services delivered.",
    ),
    (
        "innovation-rd",
        "Strategic research and innovation partnerships in Slovenia",
        "Slovenia",
        "Zahodna Slovenija",
        "Nine partnerships join companies and research bodies around the smart specialisation "
        "priorities, with a national coordination office.",
    ),
)

# (title, days from today, duration in hours, location, description)
EVENTS = (
    (
        "European Cluster Conference",
        45,
        16,
        "Brussels",
        "The European Commission's biennial conference on cluster policy and industrial ecosystems.",
    ),
    (
        "Working group meeting: financial instruments for clusters",
        21,
        3,
        "Online",
        "WG2 reviews the draft assessment of cluster funding schemes in the partner countries.",
    ),
    (
        "Smart specialisation peer review workshop",
        70,
        8,
        "Piatra Neamt",
        "Peer review of the North-East region's smart specialisation strategy with two partner regions.",
    ),
    (
        "Interreg cluster cooperation info day",
        100,
        5,
        "Ljubljana",
        "Information day on transnational funding opportunities for cluster cooperation.",
    ),
)

# Building blocks for generated items (benchmarks): combined into titles like
# "Cluster innovation vouchers for agri-food SMEs in Centru".
MEASURES = (
    "Cluster innovation vouchers",
    "Joint export promotion programme",
    "Shared testing laboratory",
    "Cluster manager training scheme",
    "Regional co-financing of cluster projects",
    "Technology transfer brokerage",
    "Skills partnership",
    "Cross-border cluster matchmaking",
    "Green transition audit",
    "Digital innovation hub service",
)

SECTORS = (
    "agri-food",
    "automotive",
    "ICT",
    "textiles and clothing",
    "wood and furniture",
    "renewable energy",
    "tourism",
    "creative industries",
    "life sciences",
    "marine technology",
)
