"""The demo dataset: partner regions, institutions, working groups, practices and events.

Names are realistic for the SEE cluster-policy field; the practices and events are illustrative,
not records of real programmes.
"""

# (ISO country code, NUTS 2 region code) of the partner regions.
REGIONS = (
    ("RO", "RO21"),
    ("RO", "RO12"),
    ("IT", "ITH3"),
    ("IT", "ITH5"),
    ("GR", "EL52"),
    ("BG", "BG41"),
    ("SI", "SI04"),
    ("HR", "HR03"),
    ("RS", "RS12"),
    ("HU", "HU33"),
    ("SK", "SK04"),
    ("AT", "AT22"),
)

# (title, kind token, country code, region code, website, description)
INSTITUTIONS = (
    (
        "North-East Regional Development Agency (ADR Nord-Est)",
        "regional-authority",
        "RO",
        "RO21",
        "https://www.adrnordest.ro",
        "Regional development agency in Piatra Neamt; coordinates the platform's working groups and "
        "the North-East regional innovation strategy.",
    ),
    (
        "Centru Regional Development Agency",
        "regional-authority",
        "RO",
        "RO12",
        "https://www.adrcentru.ro",
        "Manages regional operational programmes and supports the cluster initiatives of Alba Iulia, "
        "Brasov and Sibiu.",
    ),
    (
        "Veneto Innovation Agency",
        "regional-authority",
        "IT",
        "ITH3",
        "https://www.regione.veneto.it",
        "Implements the Veneto regional innovation networks law and its funding calls for clusters.",
    ),
    (
        "Emilia-Romagna Clust-ER Association",
        "cluster-association",
        "IT",
        "ITH5",
        "https://www.clust-er.it",
        "Associations of companies, research centres and training bodies in seven strategic value "
        "chains of the region.",
    ),
    (
        "Thessaloniki Technology Park",
        "rtd-body",
        "GR",
        "EL52",
        "https://www.thestep.gr",
        "Technology park hosting the ICT and agri-food cluster initiatives of Central Macedonia.",
    ),
    (
        "Bulgarian Association of Cluster Organisations",
        "cluster-association",
        "BG",
        "BG41",
        "https://www.clusterbulgaria.bg",
        "National network of cluster organisations, advising the ministry on cluster support schemes.",
    ),
    (
        "Slovenian Ministry of the Economy, Tourism and Sport",
        "national-authority",
        "SI",
        "SI04",
        "https://www.gov.si",
        "Responsible for the strategic research and innovation partnerships (SRIPs) in Slovenia.",
    ),
    (
        "Croatian Chamber of Economy",
        "cluster-organisation",
        "HR",
        "HR03",
        "https://www.hgk.hr",
        "Hosts the secretariats of the Croatian competitiveness clusters.",
    ),
    (
        "Development Agency of Serbia",
        "national-authority",
        "RS",
        "RS12",
        "https://ras.gov.rs",
        "Runs the national cluster development programme and its annual grant call.",
    ),
    (
        "University of Szeged, Faculty of Economics",
        "university",
        "HU",
        "HU33",
        "https://www.u-szeged.hu",
        "Research group on regional innovation systems and cluster policy evaluation.",
    ),
    (
        "Kosice IT Valley",
        "cluster-organisation",
        "SK",
        "SK04",
        "https://www.itvalley.sk",
        "ICT cluster of eastern Slovakia linking companies, universities and the city of Kosice.",
    ),
    (
        "Styrian Business Promotion Agency (SFG)",
        "regional-authority",
        "AT",
        "AT22",
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

# (topic id, title, country code, region code, summary)
PRACTICES = (
    (
        "financial-framework",
        "Cluster innovation vouchers in the North-East region",
        "RO",
        "RO21",
        "Small vouchers of up to EUR 10,000 let cluster SMEs buy testing and design services from "
        "universities; 184 vouchers in three years, two thirds used by first-time innovators.",
    ),
    (
        "international-cooperation",
        "Joint internationalisation missions of Adriatic marine clusters",
        "HR",
        "HR03",
        "Four marine-technology clusters share trade missions and one stand at the major fairs, "
        "halving the cost per company.",
    ),
    (
        "innovation-rd",
        "Open laboratories for agri-food clusters in Central Macedonia",
        "GR",
        "EL52",
        "Shared pilot lines in the technology park let food processors test new products without "
        "their own equipment.",
    ),
    (
        "skills-jobs",
        "Dual vocational training designed with the automotive cluster",
        "RO",
        "RO12",
        "Cluster companies and three vocational schools co-design curricula; 420 apprentices "
        "trained, 78 per cent hired by member companies.",
    ),
    (
        "specialisation",
        "Entrepreneurial discovery workshops for the Veneto smart specialisation strategy",
        "IT",
        "ITH3",
        "Regional innovation networks ran 36 workshops to choose the strategy's priority domains.",
    ),
    (
        "sustainability",
        "Circular economy roadmap of the Styrian eco-innovation cluster",
        "AT",
        "AT22",
        "Cluster members agreed a roadmap of shared recycling and energy-efficiency projects, "
        "cutting waste to landfill by a fifth.",
    ),
    (
        "financial-framework",
        "Performance-based funding of cluster organisations in Serbia",
        "RS",
        "RS12",
        "Annual grants to cluster organisations depend on member growth, joint projects and "
        "services delivered.",
    ),
    (
        "innovation-rd",
        "Strategic research and innovation partnerships in Slovenia",
        "SI",
        "SI04",
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

# Details of the practices above, in the same order:
# (policy type, policy-cycle stage, NACE sections, specialisation domains, scores of the
#  preconditions, costs, risks and adaptation criteria).
PRACTICE_DETAILS = (
    (
        "cluster-development",
        "implementation",
        ("C", "M"),
        ("advanced-manufacturing",),
        (4, 4, 3, 4),
    ),
    ("cluster-leveraging", "implementation", ("C",), ("blue-growth",), (3, 4, 4, 3)),
    ("cluster-facilitating", "monitoring-evaluation", ("A", "C"), ("agri-food",), (3, 2, 4, 3)),
    (
        "cluster-development",
        "monitoring-evaluation",
        ("C", "P"),
        ("advanced-manufacturing",),
        (3, 3, 4, 4),
    ),
    ("cluster-facilitating", "preparation", ("M",), ("digital", "agri-food"), (4, 5, 4, 3)),
    ("cluster-leveraging", "implementation", ("D", "E"), ("environment", "energy"), (3, 3, 3, 2)),
    ("cluster-development", "monitoring-evaluation", ("N",), ("public-services",), (4, 4, 3, 4)),
    (
        "cluster-facilitating",
        "implementation",
        ("C", "J", "M"),
        ("health", "digital"),
        (2, 2, 4, 3),
    ),
)

# (topic id, title, assessed measure, level, approach, country, region, criteria lines, summary)
# Translations of demo practices, published in the language's home: (the English title, the
# language, the title and the summary in it). Visitors in these languages find the translation;
# the others find the English original.
PRACTICE_TRANSLATIONS = (
    (
        "Cluster innovation vouchers in the North-East region",
        "it",
        "Voucher per l'innovazione dei cluster nella regione Nord-Est",
        "Piccoli voucher fino a 10.000 EUR permettono alle PMI dei cluster di acquistare servizi di "
        "prova e di progettazione dalle università; 184 voucher in tre anni, due terzi usati da "
        "chi innovava per la prima volta.",
    ),
    (
        "Cluster innovation vouchers in the North-East region",
        "ro",
        "Vouchere de inovare pentru clustere în regiunea Nord-Est",
        "Vouchere mici, de până la 10.000 EUR, permit IMM-urilor din clustere să cumpere servicii "
        "de testare și proiectare de la universități; 184 de vouchere în trei ani, două treimi "
        "folosite de firme care inovau pentru prima dată.",
    ),
)

ASSESSMENTS = (
    (
        "financial-framework",
        "Assessment of the Serbian cluster development programme",
        "Annual grant call for cluster organisations",
        "national",
        "qualitative",
        "RS",
        "RS12",
        ("Relevance | 4 | matches the industrial strategy", "Efficiency | 3", "Sustainability | 2"),
        "Peer assessment of the policy, its funding programme and the Development Agency of Serbia.",
    ),
    (
        "innovation-rd",
        "Quantitative assessment of Slovenian innovation partnerships",
        "Strategic research and innovation partnerships",
        "national",
        "quantitative",
        "SI",
        "SI04",
        ("Additionality | 4", "Leverage of private funds | 3 | EUR 1.8 per public euro"),
        "Counterfactual analysis of the partnerships' effect on the R&D spending of member firms.",
    ),
)

# (topic id, title, status, regions, indicator lines, milestone lines, summary)
PILOT_ACTIONS = (
    (
        "skills-jobs",
        "Cross-regional cluster manager academy",
        "running",
        ("RO21", "RO12", "EL52"),
        ("Cluster managers trained | 60 | 41", "Joint projects started | 6"),
        ("2026-03-01 | First cohort starts", "2027-02-28 | Evaluation report"),
        "Three partner regions train cluster managers together with a shared curriculum.",
    ),
    (
        "international-cooperation",
        "Adriatic-Danube cluster matchmaking pilot",
        "completed",
        ("HR03", "RS12"),
        ("Matchmaking meetings | 120 | 134", "Cross-border partnerships | 15 | 19"),
        ("2025-10-15 | Matchmaking event in Novi Sad", "2026-06-30 | Guidelines published"),
        "Transnational matchmaking of cluster SMEs along the Danube corridor.",
    ),
)

# What the pilot actions above build on and produced, in the same order: (titles of the best
# practices, titles of the policy assessments, title of the guideline produced).
PILOT_LINKS = (
    (
        ("Dual vocational training designed with the automotive cluster",),
        (),
        "Guidelines for cross-regional cluster manager training",
    ),
    (
        ("Joint internationalisation missions of Adriatic marine clusters",),
        ("Assessment of the Serbian cluster development programme",),
        "Guidelines for transnational cluster matchmaking",
    ),
)

# (topic id, title, kind, authors, summary)
PUBLICATIONS = (
    (
        "specialisation",
        "Guidelines for cluster-based smart specialisation",
        "guideline",
        ("Elena Popescu", "Marco Bianchi"),
        "How regions can use their clusters in the entrepreneurial discovery process.",
    ),
    (
        "financial-framework",
        "Recommendations on financial instruments for clusters",
        "recommendation",
        ("Working group 2",),
        "Recommendations to managing authorities on vouchers, guarantees and co-financing.",
    ),
    (
        "skills-jobs",
        "Guidelines for cross-regional cluster manager training",
        "guideline",
        ("Ioana Marin", "Elena Popescu"),
        "A shared curriculum for cluster managers, drawn from the first cohort of the "
        "cross-regional academy.",
    ),
    (
        "international-cooperation",
        "Guidelines for transnational cluster matchmaking",
        "guideline",
        ("Ana Kovač", "Marko Jovanović"),
        "How cluster organisations prepare, run and follow up matchmaking of SMEs across borders.",
    ),
)

# (topic id, title, member institution titles, countries, website, summary)
NETWORKS = (
    (
        "international-cooperation",
        "Danube cluster policy network",
        (
            "North-East Regional Development Agency (ADR Nord-Est)",
            "Development Agency of Serbia",
            "Croatian Chamber of Economy",
            "Styrian Business Promotion Agency (SFG)",
        ),
        ("RO", "RS", "HR", "AT"),
        "https://danube-region.eu",
        "Policy makers of the Danube region exchanging cluster policy experience.",
    ),
)

# Topics and EU initiative of the events above, in the same order.
EVENT_DETAILS = (
    (("international-cooperation", "innovation-rd"), "eccp"),
    (("financial-framework",), None),
    (("specialisation",), "s3-platform"),
    (("international-cooperation",), "interreg"),
)

# Demo members: (login, full name, organisation, country, region, tier group, groups they lead,
# groups they are members of). Their password is DEMO_PASSWORD (README: "Demo content"). An
# organisation that is in the institutions above is also the member's institution in the database.
DEMO_PASSWORD = "clusterpolisee-demo"
MEMBERS = (
    (
        "ana.kovac",
        "Ana Kovač",
        "Croatian Chamber of Economy",
        "HR",
        "HR05",
        "full-members",
        ("international-cooperation",),
        ("innovation-rd",),
    ),
    (
        "ivana.horvat",
        "Ivana Horvat",
        "Adriatic Marine Technology Cluster",
        "HR",
        "HR03",
        "full-members",
        (),
        ("international-cooperation",),
    ),
    (
        "nikos.papadopoulos",
        "Nikos Papadopoulos",
        "Thessaloniki Technology Park",
        "GR",
        "EL52",
        "full-members",
        ("innovation-rd",),
        (),
    ),
    (
        "elena.popescu",
        "Elena Popescu",
        "North-East Regional Development Agency (ADR Nord-Est)",
        "RO",
        "RO21",
        "full-members",
        ("specialisation",),
        ("innovation-rd", "skills-jobs"),
    ),
    (
        "marko.jovanovic",
        "Marko Jovanović",
        "Development Agency of Serbia",
        "RS",
        "RS11",
        "full-members",
        ("financial-framework",),
        ("innovation-rd",),
    ),
    (
        "maria.hofer",
        "Maria Hofer",
        "Styrian Business Promotion Agency (SFG)",
        "AT",
        "AT22",
        "full-members",
        ("sustainability",),
        (),
    ),
    (
        "ioana.marin",
        "Ioana Marin",
        "Centru Regional Development Agency",
        "RO",
        "RO12",
        "full-members",
        ("skills-jobs",),
        (),
    ),
    (
        "luca.bianchi",
        "Luca Bianchi",
        "University of Padua",
        "IT",
        "ITH3",
        "associated-members",
        (),
        ("innovation-rd", "specialisation"),
    ),
    (
        "petra.novak",
        "Petra Novak",
        "Slovenian Automotive Cluster",
        "SI",
        "SI03",
        "associated-members",
        (),
        ("innovation-rd",),
    ),
    (
        "georgi.ivanov",
        "Georgi Ivanov",
        "Bulgarian Cluster Association",
        "BG",
        "BG41",
        "partner-members",
        (),
        (),
    ),
    (
        "sofia.dimitriou",
        "Sofia Dimitriou",
        "Aristotle University of Thessaloniki",
        "GR",
        "EL52",
        "stc",
        (),
        (),
    ),
    (
        "platform.coordinator",
        "Platform Coordinator",
        "ClusterPoliSEE lead partner",
        "HR",
        "HR05",
        "coordinators",
        (),
        (),
    ),
    (
        # Translates the published results into Italian (README: "Languages").
        "giulia.ferrari",
        "Giulia Ferrari",
        "Veneto Innovation Agency",
        "IT",
        "ITH3",
        "translators",
        (),
        (),
    ),
)


# The demo members whose groups must use a second factor (authentication/interfaces.py) have an
# authenticator app already set up with these secrets (README: "Demo content"): add one to an
# app (Aegis, FreeOTP, Google Authenticator...) by typing it in, or ask `oathtool --totp -b
# SECRET` for a code. Demo only: a real member sets up their own app on the Two-factor sign-in
# page, with a secret the platform makes.
DEMO_TOTP_SECRETS = {
    "platform.coordinator": "CLUSTERPOLISEEDEMOCOORDINATOR234",
    "sofia.dimitriou": "CLUSTERPOLISEEDEMOSTCMEMBERSOFIA",
}

# Answers to the public consultations, in several languages: (topic, language, answers).
CONSULTATION_ANSWERS = (
    (
        "innovation-rd",
        "ro",
        {
            "respondent_type": "policy-maker",
            "country": "RO",
            "region": "Nord-Est",
            "measures": ["joint-rd", "transfer"],
            "effectiveness": "3",
            "needs": ["funding", "cooperation"],
            "importance": "4",
            "innovative_measure": "Vouchere de inovare pentru IMM-urile din clusterele regiunii.",
            "pilot": "yes",
            "consent": True,
        },
    ),
    (
        "innovation-rd",
        "en",
        {
            "respondent_type": "private-sector",
            "country": "IT",
            "region": "Veneto",
            "measures": ["labs"],
            "effectiveness": "2",
            "needs": ["skills", "ip"],
            "importance": "5",
            "innovative_measure": "A shared test lab run by the cluster for its member companies.",
            "pilot": "maybe",
            "consent": True,
        },
    ),
    (
        "innovation-rd",
        "el",
        {
            "respondent_type": "research-civil-society",
            "country": "GR",
            "region": "Κεντρική Μακεδονία",
            "measures": ["joint-rd", "s3"],
            "effectiveness": "3",
            "needs": ["cooperation", "demand"],
            "importance": "4",
            "innovative_measure": "",
            "pilot": "yes",
            "consent": True,
        },
    ),
    (
        "innovation-rd",
        "hr",
        {
            "respondent_type": "private-sector",
            "country": "HR",
            "region": "Jadranska Hrvatska",
            "measures": ["transfer", "labs"],
            "effectiveness": "2",
            "needs": ["funding", "skills"],
            "importance": "5",
            "innovative_measure": "Zajednički laboratorij klastera za testiranje novih proizvoda.",
            "pilot": "yes",
            "consent": True,
        },
    ),
    (
        "innovation-rd",
        "sl",
        {
            "respondent_type": "policy-maker",
            "country": "SI",
            "region": "Zahodna Slovenija",
            "measures": ["joint-rd"],
            "effectiveness": "4",
            "needs": ["cooperation"],
            "importance": "4",
            "innovative_measure": "",
            "pilot": "no",
            "consent": True,
        },
    ),
    (
        "financial-framework",
        "bg",
        {
            "respondent_type": "private-sector",
            "country": "BG",
            "region": "Южен централен",
            "measures": ["grants", "vouchers"],
            "effectiveness": "2",
            "needs": ["co-financing", "administration", "continuity"],
            "importance": "2",
            "innovative_measure": "Revolving fund for joint cluster investments.",
            "pilot": "yes",
            "consent": True,
        },
    ),
    (
        "financial-framework",
        "hu",
        {
            "respondent_type": "policy-maker",
            "country": "HU",
            "region": "Dél-Alföld",
            "measures": ["loans"],
            "effectiveness": "3",
            "needs": ["knowledge"],
            "importance": "3",
            "innovative_measure": "",
            "pilot": "no",
            "consent": True,
        },
    ),
)


# Region profiles of the partner regions (demo data, shown as such): the priority domains of
# their smart specialisation strategies and their clusters' sectors, plausible but not official.
# The strategy link is the JRC's Smart Specialisation Platform; the managing authority is the
# region's institution above, when it has one.
S3_PLATFORM = "https://s3platform.jrc.ec.europa.eu/"
REGION_PROFILES = {
    "RO21": (("agri-food", "digital", "health", "textiles"), ("A", "C", "J")),
    "RO12": (("advanced-manufacturing", "agri-food", "tourism-creative", "digital"), ("C",)),
    "ITH3": (("advanced-manufacturing", "agri-food", "tourism-creative", "digital"), ("C", "M")),
    "ITH5": (("advanced-manufacturing", "health", "agri-food", "mobility"), ("C",)),
    "EL52": (("agri-food", "digital", "energy", "mobility", "tourism-creative"), ("A", "C", "H")),
    "BG41": (("digital", "health", "advanced-manufacturing"), ("J", "C")),
    "SI04": (("health", "digital", "advanced-manufacturing", "mobility"), ("C", "J")),
    "HR03": (("blue-growth", "tourism-creative", "agri-food", "energy"), ("A", "C", "I")),
    "RS12": (("agri-food", "digital", "energy"), ("A", "J")),
    "HU33": (("agri-food", "health", "energy"), ("A", "M")),
    "SK04": (("digital", "advanced-manufacturing", "energy"), ("J", "C")),
    "AT22": (("mobility", "environment", "advanced-manufacturing", "energy"), ("C", "D", "E")),
}

# The contact of demo practices: a demo member's address, so that an interest reaches them.
PRACTICE_CONTACTS = {
    "Cluster innovation vouchers in the North-East region": "elena.popescu@example.org",
    "Open laboratories for agri-food clusters in Central Macedonia": "nikos.papadopoulos@example.org",
    "Dual vocational training designed with the automotive cluster": "ioana.marin@example.org",
    "Entrepreneurial discovery workshops for the Veneto smart specialisation strategy": (
        "luca.bianchi@example.org"
    ),
    "Circular economy roadmap of the Styrian eco-innovation cluster": "maria.hofer@example.org",
}
