from .base import KnowledgePage, MemberContentPage
from .browse import RegionIndexPage, TopicIndexPage
from .communities import Community, CulturalNotice, NoticeKind
from .directory import DirectoryFilters, MemberIndexPage
from .glossary import GlossaryTerm
from .guides import GuideIndexPage, GuidePage, Licence, Maturity
from .infrastructure import InfrastructureIndexPage, InfrastructureKind, InfrastructurePage
from .lessons import LessonIndexPage, LessonPage
from .members import MemberKind, MemberPage, Membership
from .outputs import OutputIndexPage, OutputKind, OutputPage
from .taxonomy import Region, Topic

__all__ = [
    "Community",
    "CulturalNotice",
    "DirectoryFilters",
    "GlossaryTerm",
    "GuideIndexPage",
    "GuidePage",
    "InfrastructureIndexPage",
    "InfrastructureKind",
    "InfrastructurePage",
    "KnowledgePage",
    "LessonIndexPage",
    "LessonPage",
    "Licence",
    "Maturity",
    "MemberContentPage",
    "MemberIndexPage",
    "MemberKind",
    "MemberPage",
    "Membership",
    "NoticeKind",
    "OutputIndexPage",
    "OutputKind",
    "OutputPage",
    "Region",
    "RegionIndexPage",
    "Topic",
    "TopicIndexPage",
]
