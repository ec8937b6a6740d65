//! The authority's house style beyond its wording: a logo for the
//! letterhead, the PDF's body font, a footer line, a running header and
//! the organisation's Word file as the DOCX's reference document.
//! Usually set once in the authority profile (`house:`); a case may give
//! its own.
//!
//! Files are named relative to the file that names them (the profile, or
//! the case): a logo must be inside that file's folder, like an annex,
//! because it is printed; a font may be anywhere (an organisation's
//! licensed font is often installed system-wide), since nothing of a font
//! but the glyphs the letter uses ends up in it.

use std::path::Path;

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::error::Problem;
use super::{Case, CaseError, SourceFormat};
use crate::doc::BodyFont;
use crate::image::Image;

/// House style settings; every one optional, and without any the letters
/// look as they always have.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct House {
    /// A logo in the letterhead (PDF, DOCX and HTML; plain text has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub logo: Option<Logo>,
    /// The PDF's body font; `foikit render --font` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<FontFiles>,
    /// A line printed at the foot of every page, above the page number
    /// (e.g. "OFFICIAL" or the organisation's registered address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "super::checks::non_blank"))]
    pub footer: Option<String>,
    /// Pages after the first are headed "Page 2 of 3 — <reference>", so a
    /// loose page can be put back with its letter.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub page_header: bool,
    /// The organisation's own Word file (`.docx` or `.dotx`) whose styles,
    /// page, headers and footers the DOCX letters take, as `foikit render
    /// --reference-doc` (which overrides it) does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_doc: Option<String>,
    /// `reference_doc`, resolved against the folder of the file naming it.
    #[serde(skip)]
    pub reference_doc_path: Option<std::path::PathBuf>,
}

/// A letterhead logo.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// A PNG or JPEG file.
    pub file: String,
    /// What the logo says, for screen readers (e.g. "Home Office"):
    /// required, as accessible documents must describe their images.
    #[validate(custom(function = "super::checks::non_blank"))]
    pub alt: String,
    /// Printed height in millimetres (the width follows the image).
    #[serde(default = "default_height")]
    #[validate(range(min = 5, max = 40, message = "give the logo's height in millimetres, from 5 to 40"))]
    pub height_mm: u8,
    /// The image, read with the case.
    #[serde(skip)]
    pub image: Option<Image>,
}

fn default_height() -> u8 {
    18
}

/// The font files of the PDF body text: a regular face, and optionally
/// bold and italic ones (without them, bold and italic text is set in
/// the regular face).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FontFiles {
    /// The regular face: a TrueType (`.ttf`) or TrueType-flavoured OpenType file.
    pub regular: String,
    /// The bold face.
    #[serde(default)]
    pub bold: Option<String>,
    /// The italic face.
    #[serde(default)]
    pub italic: Option<String>,
    /// The files, resolved against the folder of the file that names them.
    #[serde(skip)]
    pub resolved: Option<BodyFont>,
}

/// Reads the logo and resolves the font files of `case.house`, named
/// relative to `dir` (the folder of the file the `house` block came from).
pub(super) fn read(
    case: &mut Case,
    source: &str,
    format: SourceFormat,
    name: &str,
    dir: Option<&Path>,
) -> Result<(), CaseError> {
    let Some(house) = case.house.as_mut() else { return Ok(()) };
    let folder = match dir {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut problems = Vec::new();
    let mut problem = |path: &str, message: String| {
        let at = super::position(source, format, path);
        problems.push(Problem { path: path.into(), message, line: at.map(|a| a.0), column: at.map(|a| a.1) });
    };
    if let Some(logo) = house.logo.as_mut() {
        let image = super::annex_file::resolve(folder, &logo.file, "logo file", "the folder of the file that names it")
            .and_then(|path| {
                let bytes = crate::limits::read_file(&path, crate::limits::LOGO_FILE_BYTES)
                    .map_err(|e| format!("cannot read logo file `{}`: {e}", logo.file))?;
                Image::read(bytes).map_err(|why| format!("logo file `{}` {why}", logo.file))
            });
        match image {
            Ok(image) => logo.image = Some(image),
            Err(message) => problem("house.logo.file", message),
        }
    }
    if let Some(font) = house.font.as_mut() {
        let find = |field: &'static str, rel: &str| {
            let path = folder.join(rel);
            if path.is_file() { Ok(path) } else { Err((field, format!("cannot find the font file `{rel}`"))) }
        };
        let regular = find("regular", &font.regular);
        let bold = font.bold.as_deref().map(|b| find("bold", b)).transpose();
        let italic = font.italic.as_deref().map(|i| find("italic", i)).transpose();
        match (regular, bold, italic) {
            (Ok(regular), Ok(bold), Ok(italic)) => font.resolved = Some(BodyFont { regular, bold, italic }),
            (regular, bold, italic) => {
                for (field, message) in [regular.err(), bold.err(), italic.err()].into_iter().flatten() {
                    problem(&format!("house.font.{field}"), message);
                }
            }
        }
    }
    if let Some(rel) = house.reference_doc.as_deref() {
        // Like a font, it may be anywhere: only its styles and page reach
        // the letter, and organisations keep templates on shared drives.
        let path = folder.join(rel);
        if path.is_file() {
            house.reference_doc_path = Some(path);
        } else {
            problem("house.reference_doc", format!("cannot find the reference document `{rel}`"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CaseError::Invalid { file: name.to_string(), source: source.to_string(), problems })
    }
}

impl House {
    /// The document model's house style: what the backends need of this.
    pub fn document(&self) -> crate::doc::House {
        let logo = self.logo.as_ref().and_then(|logo| {
            Some(crate::doc::Logo { image: logo.image.clone()?, alt: logo.alt.clone(), height_mm: logo.height_mm })
        });
        crate::doc::House {
            logo,
            font: self.font.as_ref().and_then(|font| font.resolved.clone()),
            footer: self.footer.clone(),
            page_header: self.page_header,
            reference_doc: self.reference_doc_path.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::case::{CaseError, load};

    const CASE: &str = include_str!("../../fixtures/cases/council-house-style-foia.yaml");
    const PROFILE: &str = include_str!("../../fixtures/profiles/example-council.yaml");
    const LOGO: &[u8] = include_bytes!("../../fixtures/profiles/council-logo.png");

    /// A case folder with the fixture case, and a profile folder beside it
    /// holding `profile` and the logo.
    fn folders(profile: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["cases", "profiles"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::fs::write(dir.path().join("profiles/example-council.yaml"), profile).unwrap();
        std::fs::write(dir.path().join("profiles/council-logo.png"), LOGO).unwrap();
        let case = dir.path().join("cases/case.yaml");
        std::fs::write(&case, CASE).unwrap();
        (dir, case)
    }

    fn problems(error: CaseError) -> Vec<(String, String)> {
        error.problems().iter().map(|p| (p.path.clone(), p.message.clone())).collect()
    }

    #[test]
    fn a_profile_logo_is_read_relative_to_the_profile() {
        let (_dir, case) = folders(PROFILE);
        let case = load(&case).unwrap();
        let logo = case.house.unwrap().document().logo.expect("the logo");
        assert_eq!((logo.image.width, logo.image.height), (120, 120));
        assert_eq!(logo.alt, "Example Borough Council crest");
    }

    #[test]
    fn a_logo_without_alt_text_is_an_error_naming_the_field() {
        let (_dir, case) = folders(&PROFILE.replace("    alt: Example Borough Council crest\n", ""));
        let found = problems(load(&case).unwrap_err());
        assert!(found.iter().any(|(path, message)| path == "house.logo.alt" && message.contains("alt")), "{found:?}");
        let (_dir, case) = folders(&PROFILE.replace("alt: Example Borough Council crest", "alt: \"  \""));
        let found = problems(load(&case).unwrap_err());
        assert!(found.iter().any(|(path, _)| path == "house.logo.alt"), "{found:?}");
    }

    #[test]
    fn a_logo_must_be_an_image_inside_the_profile_folder() {
        let (dir, case) = folders(&PROFILE.replace("file: council-logo.png", "file: ../cases/case.yaml"));
        let found = problems(load(&case).unwrap_err());
        assert!(found.iter().any(|(p, m)| p == "house.logo.file" && m.contains("inside the folder")), "{found:?}");
        std::fs::write(dir.path().join("profiles/council-logo.png"), b"GIF89a").unwrap();
        std::fs::write(dir.path().join("profiles/example-council.yaml"), PROFILE).unwrap();
        let found = problems(load(&case).unwrap_err());
        assert!(
            found.iter().any(|(p, m)| p == "house.logo.file" && m.contains("neither a PNG nor a JPEG")),
            "{found:?}"
        );
    }

    #[test]
    fn a_reference_document_is_found_relative_to_the_profile_or_named_missing() {
        let (dir, case) = folders(&format!("{PROFILE}  reference_doc: house.docx\n"));
        let found = problems(load(&case).unwrap_err());
        assert!(found.iter().any(|(p, m)| p == "house.reference_doc" && m.contains("house.docx")), "{found:?}");
        std::fs::write(dir.path().join("profiles/house.docx"), b"checked when rendered").unwrap();
        let house = load(&case).unwrap().house.unwrap().document();
        let canonical = |p: &std::path::Path| std::fs::canonicalize(p).unwrap();
        assert_eq!(canonical(&house.reference_doc.unwrap()), canonical(&dir.path().join("profiles/house.docx")));
    }

    #[test]
    fn a_missing_font_file_is_an_error_naming_the_field() {
        let profile = format!("{PROFILE}  font:\n    regular: fonts/missing.ttf\n");
        let (_dir, case) = folders(&profile);
        let found = problems(load(&case).unwrap_err());
        assert!(found.iter().any(|(p, m)| p == "house.font.regular" && m.contains("missing.ttf")), "{found:?}");
    }
}
