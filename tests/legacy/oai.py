"""Asking /oai/ as a harvester does, and reading its answers with a real XML parser,
validated against the OAI-PMH, oai_dc and oai_datacite schemas kept in schemas/."""

from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_datacite": "http://schema.datacite.org/oai/oai-1.1/",
    "datacite": "http://datacite.org/schema/kernel-4",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_schema = None


def schema():
    global _schema
    if _schema is None:
        parser = etree.XMLParser(no_network=True)
        _schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "harvest.xsd"), parser))
    return _schema


def parse(response):
    """The answer's root element, after checking it is a valid OAI-PMH document."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/xml")
    root = etree.fromstring(response.content, etree.XMLParser(no_network=True))
    if not schema().validate(root):
        raise AssertionError(f"{schema().error_log}\n{response.content.decode()[:3000]}")
    return root


def ask(client, method="get", **params):
    return parse(getattr(client, method)("/oai/", params))


def error_code(root):
    errors = root.xpath("oai:error/@code", namespaces=NS)
    return errors[0] if errors else None


def texts(root, path):
    return root.xpath(f"{path}/text()", namespaces=NS)


def identifiers(root):
    return texts(root, "//oai:header/oai:identifier")
