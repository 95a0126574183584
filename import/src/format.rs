//! The one seam between a doc page's syntax and the stages after it.
//!
//! Every later stage works on the [`Doc`] a format reads, so a page written in another syntax
//! (HTML, say) needs only a [`DocFormat`] for it, added to [`FORMATS`]. A format can read its
//! syntax into [`page::Block`]s and hand them to [`extract::read`], which knows the sections,
//! tables and phrasings of the CompShare docs, as Markdown does.
//!
//! [`page::Block`]: crate::page::Block
//! [`extract::read`]: crate::extract::read

use crate::doc::Doc;
use crate::page::markdown::Markdown;

/// A syntax doc pages are written in.
pub trait DocFormat: Sync {
    /// The file name extensions (without the dot) of its pages, by which pages are found in a
    /// directory.
    fn extensions(&self) -> &'static [&'static str];

    /// What a page says.
    fn read(&self, text: &str) -> Doc;
}

/// Every format the importer reads. The first is the default for a file whose extension no
/// format claims.
pub static FORMATS: &[&dyn DocFormat] = &[&Markdown];

/// The format of a page, by its path's extension.
pub fn for_path(path: &str) -> &'static dyn DocFormat {
    claiming(path).unwrap_or(FORMATS[0])
}

/// The format whose extension the path has, if any does.
pub fn claiming(path: &str) -> Option<&'static dyn DocFormat> {
    let ext = std::path::Path::new(path)
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    FORMATS
        .iter()
        .copied()
        .find(|f| f.extensions().contains(&ext.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_chosen_by_extension() {
        assert!(claiming("a/b.c/Describe.md").is_some());
        assert!(claiming("x.MD").is_some());
        assert!(claiming("seed.txt").is_none());
        assert!(claiming("a.md/README").is_none());
        let doc = for_path("seed.txt").read("# 获取 - GetThing\n");
        assert_eq!(doc.action.as_deref(), Some("GetThing"));
    }
}
