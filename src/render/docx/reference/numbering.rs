//! The reference document's list numbering, kept when its styles use it
//! (a "List Number" style, numbered headings), with the letter's own lists
//! added after it.
//!
//! Ids are what could clash: the reference's `abstractNumId`s and
//! `numId`s stay as they are (its styles name them), and ours are
//! numbered from one past its highest ([`NumberingIds`]).

use super::walk::{Node, walk};
use crate::render::docx::styles::NumberingIds;

/// A reference's `numbering.xml` and where ours go into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Numbering {
    xml: String,
    /// Where our `w:abstractNum`s go: after the reference's last one.
    abstracts_at: usize,
    /// Where our `w:num`s go: after the reference's last one.
    nums_at: usize,
    /// Our first ids.
    pub ids: NumberingIds,
}

impl Numbering {
    /// Reads `numbering.xml` (part `part`).
    pub(super) fn read(part: &str, xml: String) -> Result<Numbering, String> {
        let (mut root_ok, mut after_root) = (false, 0);
        let (mut pictures_end, mut abstracts_end, mut nums_end) = (None, None, None);
        let (mut max_abstract, mut max_num) = (None::<u32>, 0usize);
        let id = |value: Option<&str>, what: &str| -> Result<u64, String> {
            value
                .and_then(|v| v.trim().parse::<u64>().ok())
                .ok_or_else(|| format!("{part} has a {what} that is not a number"))
        };
        walk(part, &xml, |node| {
            match node {
                Node::Open(e) if e.depth == 0 => {
                    root_ok = e.w && e.name == "numbering";
                    after_root = e.after_start;
                }
                Node::Open(e) if e.depth == 1 && e.name == "abstractNum" => {
                    let n = u32::try_from(id(e.attr("abstractNumId"), "w:abstractNumId")?).unwrap_or(u32::MAX - 2);
                    max_abstract = max_abstract.max(Some(n.min(u32::MAX - 2)));
                }
                Node::Open(e) if e.depth == 1 && e.name == "num" => {
                    let n = usize::try_from(id(e.attr("numId"), "w:numId")?).unwrap_or(usize::MAX);
                    max_num = max_num.max(n.min(i32::MAX as usize / 2));
                }
                Node::Close { element, after, .. } if element.depth == 1 => match element.name.as_str() {
                    "numPicBullet" => pictures_end = Some(after),
                    "abstractNum" => abstracts_end = Some(after),
                    "num" => nums_end = Some(after),
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        if !root_ok {
            return Err(format!("{part} is not WordprocessingML numbering with the usual `w:` prefix"));
        }
        // Picture bullets (numPicBullet) come first; with no abstractNum
        // ours go after them, with no num after the abstracts. (A file
        // with its elements out of order still gives ordered slices.)
        let abstracts_at = abstracts_end.or(pictures_end).unwrap_or(after_root);
        let nums_at = nums_end.unwrap_or(abstracts_at).max(abstracts_at);
        let ids = NumberingIds { abstract_num: max_abstract.map_or(0, |m| m + 1), num: max_num + 1 };
        Ok(Numbering { xml, abstracts_at, nums_at, ids })
    }

    /// The reference's numbering with ours (from
    /// [`numbering_definitions`](crate::render::docx::styles::numbering_definitions)) added.
    pub(super) fn with(&self, abstracts: &str, nums: &str) -> String {
        let x = &self.xml;
        let mut out = String::with_capacity(x.len() + abstracts.len() + nums.len());
        out.push_str(&x[..self.abstracts_at]);
        out.push_str(abstracts);
        out.push_str(&x[self.abstracts_at..self.nums_at]);
        out.push_str(nums);
        out.push_str(&x[self.nums_at..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::ListKind;
    use crate::render::docx::schema::assert_schema_order;
    use crate::render::docx::styles::numbering_definitions;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn ours_follow_the_references_ids_in_schema_order() {
        let theirs = format!(
            concat!(
                r#"<w:numbering {}><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"/></w:abstractNum>"#,
                r#"<w:abstractNum w:abstractNumId="7"/><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>"#,
                r#"<w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
            ),
            NS
        );
        let numbering = Numbering::read("n.xml", theirs).unwrap();
        assert_eq!(numbering.ids, NumberingIds { abstract_num: 8, num: 10 });
        let (abstracts, nums) = numbering_definitions(&[ListKind::Bullet], numbering.ids);
        let merged = numbering.with(&abstracts, &nums);
        assert_schema_order(&merged);
        assert!(merged.contains(r#"<w:abstractNum w:abstractNumId="9">"#), "{merged}");
        assert!(merged.contains(r#"<w:num w:numId="10"><w:abstractNumId w:val="9"/></w:num></w:numbering>"#));
    }

    #[test]
    fn an_empty_numbering_takes_ours_after_its_picture_bullets() {
        let theirs = format!(r#"<w:numbering {NS}><w:numPicBullet w:numPicBulletId="0"/></w:numbering>"#);
        let numbering = Numbering::read("n.xml", theirs).unwrap();
        assert_eq!(numbering.ids, NumberingIds::default());
        let merged = numbering.with("<w:abstractNum/>", "<w:num/>");
        assert!(merged.ends_with(r#"<w:numPicBullet w:numPicBulletId="0"/><w:abstractNum/><w:num/></w:numbering>"#));
        assert!(Numbering::read("n.xml", format!(r#"<w:numbering {NS}><w:num w:numId="x"/></w:numbering>"#)).is_err());
    }
}
