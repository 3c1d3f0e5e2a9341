"""The OAI-PMH answer as XML, built with ElementTree (which escapes every text and
attribute value)."""

import re
import xml.etree.ElementTree as ET

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"

ET.register_namespace("", OAI)
ET.register_namespace("xsi", XSI)

# Characters XML 1.0 does not allow, even escaped.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text):
    return NOT_IN_XML.sub("", str(text))


def qname(namespace, name):
    return f"{{{namespace}}}{name}"


def element(parent, tag, text=None, attributes=None):
    """A child element; tags without a namespace are OAI-PMH's."""
    tag = tag if tag.startswith("{") else qname(OAI, tag)
    child = ET.SubElement(
        parent, tag, {key: clean(value) for key, value in (attributes or {}).items()}
    )
    if text is not None:
        child.text = clean(text)
    return child


def envelope(response_date, base_url, arguments):
    """The OAI-PMH root with its responseDate and request (arguments: {} after a
    badVerb or badArgument error, as the protocol says)."""
    root = ET.Element(qname(OAI, "OAI-PMH"), {qname(XSI, "schemaLocation"): f"{OAI} {OAI_SCHEMA}"})
    element(root, "responseDate", response_date)
    element(root, "request", base_url, arguments)
    return root


def serialize(root):
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
