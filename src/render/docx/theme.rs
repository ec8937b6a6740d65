//! `word/theme/theme1.xml`: the Office theme every Word document carries.
//!
//! Word resolves theme colours and fonts through this part and Office's
//! validation requires the document to have one. Ours names Arial for
//! headings and body text (as `styles.xml` does), black text on white,
//! and GOV.UK's blue for links, so a clerk who picks "theme" colours or
//! fonts in Word gets the letter's own. The format scheme has the three
//! plain fills, lines and effects the schema requires and nothing more.

/// The theme part, static.
pub(crate) const THEME_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="foikit"><a:themeElements>"#,
    r#"<a:clrScheme name="foikit">"#,
    r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
    r#"<a:dk2><a:srgbClr val="0B0C0C"/></a:dk2><a:lt2><a:srgbClr val="F3F2F1"/></a:lt2>"#,
    r#"<a:accent1><a:srgbClr val="1D70B8"/></a:accent1><a:accent2><a:srgbClr val="505A5F"/></a:accent2>"#,
    r#"<a:accent3><a:srgbClr val="00703C"/></a:accent3><a:accent4><a:srgbClr val="D4351C"/></a:accent4>"#,
    r#"<a:accent5><a:srgbClr val="4C2C92"/></a:accent5><a:accent6><a:srgbClr val="F47738"/></a:accent6>"#,
    r#"<a:hlink><a:srgbClr val="1D70B8"/></a:hlink><a:folHlink><a:srgbClr val="4C2C92"/></a:folHlink></a:clrScheme>"#,
    r#"<a:fontScheme name="foikit">"#,
    r#"<a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>"#,
    r#"<a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>"#,
    r#"<a:fmtScheme name="foikit"><a:fillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst>"#,
    r#"<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>"#,
    r#"<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>"#,
    r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
);
