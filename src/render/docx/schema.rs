//! Test oracle: the child order ECMA-376 Part 1 (transitional schema,
//! `wml.xsd`) defines for the WordprocessingML elements we write.
//!
//! Copied from the schema's sequences, independently of the writers in
//! `props`, so a writer that emits a property in the wrong place, or one
//! the list does not know, fails a test here before the external
//! validator (`openxml-audit`, run by the integration tests) sees it.
//! Names separated by `|` share one position (an `xsd:choice`).

/// Parent element → its children in schema order.
const ORDER: &[(&str, &[&str])] = &[
    ("body", &["p|tbl", "sectPr"]),
    ("p", &["pPr", "r|hyperlink|fldSimple|bookmarkStart|bookmarkEnd"]),
    ("r", &["rPr", "t|br|tab|cr|fldChar|instrText|drawing"]),
    ("hyperlink", &["r"]),
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    ("numPr", &["ilvl", "numId", "numberingChange", "ins"]),
    (
        "rPr",
        &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
    ),
    ("tbl", &["tblPr", "tblGrid", "tr"]),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
    ),
    ("tblBorders", &["top", "left|start", "bottom", "right|end", "insideH", "insideV"]),
    ("tblCellMar", &["top", "left|start", "bottom", "right|end"]),
    ("tblGrid", &["gridCol"]),
    ("tr", &["tblPrEx", "trPr", "tc"]),
    // CT_TrPr is an unbounded choice: any order is valid.
    (
        "trPr",
        &["cnfStyle|divId|gridBefore|gridAfter|wBefore|wAfter|cantSplit|trHeight|tblHeader|tblCellSpacing|jc|hidden"],
    ),
    ("tc", &["tcPr", "p|tbl"]),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    ("styles", &["docDefaults", "latentStyles", "style"]),
    ("docDefaults", &["rPrDefault", "pPrDefault"]),
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    ("numbering", &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"]),
    ("abstractNum", &["nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"]),
    (
        "lvl",
        &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
    ),
    ("num", &["abstractNumId", "lvlOverride"]),
    ("lvlOverride", &["startOverride", "lvl"]),
    // CT_Settings, the part of its long sequence that a letter may use.
    (
        "settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "proofState",
            "defaultTabStop",
            "autoHyphenation",
            "characterSpacingControl",
            "compat",
            "rsids",
            "themeFontLang",
            "clrSchemeMapping",
            "decimalSymbol",
            "listSeparator",
        ],
    ),
];

/// The position of `child` in `parent`'s sequence: `None` when the parent
/// is not one we check, `Some(None)` when the child is not in its sequence.
fn rank(parent: &str, child: &str) -> Option<Option<usize>> {
    let (_, children) = ORDER.iter().find(|(name, _)| *name == parent)?;
    Some(children.iter().position(|names| names.split('|').any(|n| n == child)))
}

/// Panics, naming the element, unless every `w:` element in `xml` whose
/// parent we know has its children in that parent's schema order.
pub(super) fn assert_schema_order(xml: &str) {
    // (parent name, rank of its last child so far)
    let mut stack: Vec<(&str, usize)> = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(end) = tag.strip_prefix('/') {
            if end.starts_with("w:") {
                stack.pop();
            }
            continue;
        }
        let Some(name) = tag.split([' ', '/']).next().and_then(|n| n.strip_prefix("w:")) else { continue };
        if let Some((parent, last)) = stack.last_mut() {
            match rank(parent, name) {
                Some(Some(at)) => {
                    assert!(at >= *last, "<w:{name}> is out of schema order inside <w:{parent}>: {xml}");
                    *last = at;
                }
                Some(None) => panic!("<w:{name}> is not a child of <w:{parent}> in our schema list: {xml}"),
                None => {}
            }
        }
        if !tag.ends_with('/') {
            stack.push((name, 0));
        }
    }
}

#[test]
fn the_oracle_catches_misordered_and_unknown_children() {
    assert_schema_order(r#"<w:pPr><w:pStyle w:val="A"/><w:keepNext/><w:jc w:val="right"/></w:pPr>"#);
    let misordered =
        std::panic::catch_unwind(|| assert_schema_order(r#"<w:pPr><w:rPr/><w:pStyle w:val="A"/></w:pPr>"#));
    assert!(misordered.is_err());
    let unknown = std::panic::catch_unwind(|| assert_schema_order("<w:tcPr><w:bogus/></w:tcPr>"));
    assert!(unknown.is_err());
    // Elements of a choice may come in any order; nested elements are
    // judged by their own parent.
    assert_schema_order("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    assert_schema_order(r#"<w:sectPr><w:footerReference/><w:headerReference/><w:pgSz/></w:sectPr>"#);
    assert_schema_order(
        r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>"#,
    );
}
