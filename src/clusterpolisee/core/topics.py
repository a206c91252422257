"""The six central topics for cluster policy improvement named by the concept paper."""

from clusterpolisee import _


TOPICS = (
    (
        "international-cooperation",
        _(
            "topic_international_cooperation",
            default="International cluster cooperation and networking",
        ),
        _(
            "topic_international_cooperation_help",
            default="Transnational links between clusters, cluster organisations and policy makers.",
        ),
    ),
    (
        "financial-framework",
        _("topic_financial_framework", default="Financial framework improvement"),
        _(
            "topic_financial_framework_help",
            default="Funding schemes, financial instruments and support for cluster development.",
        ),
    ),
    (
        "sustainability",
        _("topic_sustainability", default="Sustainability through cluster development"),
        _(
            "topic_sustainability_help",
            default="Clusters as drivers of lasting, green and inclusive regional growth.",
        ),
    ),
    (
        "innovation-rd",
        _("topic_innovation_rd", default="Innovation and R&D driven cluster development"),
        _(
            "topic_innovation_rd_help",
            default="Research, technology transfer and innovation services through clusters.",
        ),
    ),
    (
        "skills-jobs",
        _("topic_skills_jobs", default="New skills and jobs creation"),
        _(
            "topic_skills_jobs_help",
            default="Skills, training and employment created by and for clusters.",
        ),
    ),
    (
        "specialisation",
        _("topic_specialisation", default="Cluster and regional specialisation"),
        _(
            "topic_specialisation_help",
            default="Smart specialisation strategies and the sectors where regions can excel.",
        ),
    ),
)
