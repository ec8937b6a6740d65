//! What makes the PDF archival (PDF/A-2u) and announces it as accessible
//! (PDF/UA-1): XMP metadata agreeing with the document information
//! dictionary, and an sRGB output intent for the RGB colours the letter
//! uses. Fonts are always embedded and nothing is encrypted, the rest of
//! what PDF/A asks.

use std::fmt::Write;
use std::sync::OnceLock;

use super::object::{Dictionary, Document, Object, Stream, dictionary};

use super::deflate::shared_stream;
use crate::doc::Meta;

/// The sRGB profile (Debian icc-profiles-free, zlib licence).
pub(crate) const SRGB: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icc/sRGB.icc"));

/// The output intent: colours are sRGB.
pub fn output_intent(pdf: &mut Document) -> Result<Dictionary, String> {
    let profile = pdf.add_object(srgb_profile()?);
    Ok(dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profile,
    })
}

/// The sRGB profile stream, made once per process: the same for every
/// letter. Its 7 KB are deflated at build time (deflating them cost some
/// 0.7 million instructions, a fifth of encoding's file writing).
fn srgb_profile() -> Result<Stream, String> {
    static PROFILE: OnceLock<Result<Stream, String>> = OnceLock::new();
    PROFILE.get_or_init(|| shared_stream(dictionary! { "N" => 3 }, SRGB.to_vec())).clone()
}

/// The XMP metadata stream: title, author, subject, dates and tools as in
/// the document information dictionary, the PDF/A and PDF/UA
/// identification, and the extension schema PDF/A requires for the PDF/UA
/// one. Left uncompressed, so it can be read without a PDF parser.
pub fn metadata(meta: &Meta, when: &time::OffsetDateTime, producer: &str) -> Stream {
    let date = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00",
        when.year(),
        u8::from(when.month()),
        when.day(),
        when.hour(),
        when.minute(),
        when.second()
    );
    let mut xmp = String::from(concat!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
        "<dc:format>application/pdf</dc:format>\n",
    ));
    let alt = |tag: &str, value: &str| {
        format!("<dc:{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{tag}>\n", escape(value))
    };
    if !meta.title.is_empty() {
        xmp.push_str(&alt("title", &meta.title));
    }
    if !meta.author.is_empty() {
        let _ = writeln!(xmp, "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>", escape(&meta.author));
    }
    if !meta.subject.is_empty() {
        xmp.push_str(&alt("description", &meta.subject));
    }
    let _ = write!(
        xmp,
        concat!(
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n",
            "<xmp:CreatorTool>{tool}</xmp:CreatorTool>\n<pdf:Producer>{tool}</pdf:Producer>\n",
            "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n",
            "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n",
        ),
        date = date,
        tool = escape(producer),
    );
    xmp.push_str(PDFUA_EXTENSION);
    xmp.push_str("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp.into_bytes())
}

/// The PDF/A extension schema describing `pdfuaid:part`: PDF/A accepts
/// only the XMP properties it knows or that the file describes.
const PDFUA_EXTENSION: &str = concat!(
    "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"",
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n",
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n",
    "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
    "<pdfaProperty:category>internal</pdfaProperty:category>\n",
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n",
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n",
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n",
);

/// `text` escaped for XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
