"""A second reader of thongbao's .docx: python-docx (Debian's python3-docx).

Usage: /usr/bin/python3 tests/docx_reader.py NOTICE.docx
Prints one JSON object with what python-docx (and lxml, which it uses) finds:
the page setup, the header table's cells, the styles by name with their
fonts, the footnotes, the page-number header, the custom properties.
tests/docx_readers.rs runs it and asserts on the result.
"""

import json
import sys

import docx
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def main(path):
    d = docx.Document(path)
    s = d.sections[0]
    out = {
        "page_mm": [round(s.page_width.mm, 1), round(s.page_height.mm, 1)],
        "margins_mm": [round(m.mm, 1) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)],
        "different_first_page": bool(s.different_first_page_header_footer),
        "header_xml_has_page_field": " PAGE " in s.header._element.xml,
        "first_page_header_text": "".join(p.text for p in s.first_page_header.paragraphs),
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
        "table_borders": [],
        "styles": {},
        "paragraph_styles_used": sorted({p.style.name for p in d.paragraphs}),
        "default_font": None,
        "footnotes": [],
        "footnote_references": 0,
        "custom_properties": {},
    }
    for t in d.tables:
        borders = t._tbl.tblPr.find(qn("w:tblBorders"))
        vals = [] if borders is None else [b.get(qn("w:val")) for b in borders]
        out["table_borders"].append(vals)
    for st in d.styles:
        if st.type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
            f = st.font
            out["styles"][st.name] = {
                "size_pt": f.size.pt if f.size else None,
                "bold": f.bold,
                "italic": f.italic,
                "based_on": st.base_style.name if st.base_style else None,
            }
    rpr = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    out["default_font"] = fonts.get(qn("w:ascii"))
    out["default_size_pt"] = int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2
    # The footnotes part, through the package python-docx opened.
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            for fn in root.findall(qn("w:footnote")):
                if fn.get(qn("w:type")) in ("separator", "continuationSeparator"):
                    continue
                text = "".join(t.text or "" for t in fn.iter(qn("w:t")))
                out["footnotes"].append({"id": int(fn.get(qn("w:id"))), "text": text})
    out["footnote_references"] = len(d.element.body.findall(".//" + qn("w:footnoteReference")))
    for rel in d.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    ).package.iter_parts():
        if str(rel.partname) == "/docProps/custom.xml":
            from lxml import etree

            root = etree.fromstring(rel.blob)
            for p in root:
                out["custom_properties"][p.get("name")] = "".join(p.itertext())
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
