from .base import KnowledgePage, MemberContentPage
from .browse import RegionIndexPage, TopicIndexPage
from .communities import Community, CulturalNotice, NoticeKind
from .glossary import GlossaryTerm
from .guides import GuideIndexPage, GuidePage, Licence, Maturity
from .lessons import LessonIndexPage, LessonPage
from .members import MemberIndexPage, MemberKind, MemberPage, Membership
from .outputs import OutputIndexPage, OutputKind, OutputPage
from .taxonomy import Region, Topic

__all__ = [
    "Community",
    "CulturalNotice",
    "GlossaryTerm",
    "GuideIndexPage",
    "GuidePage",
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
