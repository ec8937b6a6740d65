//! The logical structure of a letter, for tagged PDF (PDF/UA-1): which
//! heading, paragraph, list item or table cell each piece of text belongs
//! to, so that a screen reader gets headings, lists, tables and the reading
//! order rather than positioned glyphs.
//!
//! Layout builds the tree while it lays out blocks and tags every run of
//! text with its node; the encoder turns the tree into structure elements
//! and the tags into marked content.

/// A structure element type (PDF 1.7, 14.8.4 standard structure types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole letter: the root element.
    Document,
    /// An annex.
    Sect,
    /// A heading of level 1 to 3.
    Heading(u8),
    /// A paragraph, or a block of lines (an address, the date).
    P,
    /// Quoted material: the request as the requester wrote it.
    BlockQuote,
    /// A list, bulleted or numbered.
    List {
        /// Numbers rather than bullets.
        numbered: bool,
    },
    /// A list item.
    LI,
    /// A list item's marker.
    Lbl,
    /// A list item's text.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell, heading its column, or its row in a table without a
    /// header row (a table of labels and values).
    TH {
        /// Heads a row rather than a column.
        row: bool,
    },
    /// A data cell.
    TD,
    /// A link; the encoder adds its annotation.
    Link,
    /// An image with alternative text: the logo.
    Figure,
}

impl Role {
    /// The structure type name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::Heading(1) => "H1",
            Role::Heading(2) => "H2",
            Role::Heading(_) => "H3",
            Role::P => "P",
            Role::BlockQuote => "BlockQuote",
            Role::List { .. } => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH { .. } => "TH",
            Role::TD => "TD",
            Role::Link => "Link",
            Role::Figure => "Figure",
        }
    }
}

/// A node of the structure tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// What it is.
    pub role: Role,
    /// Its parent's index; the root is its own parent.
    pub parent: usize,
}

/// What a run of text is in the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tag {
    /// Not content: pagination (footers, the DRAFT mark), the letterhead,
    /// a table header repeated on a later page.
    #[default]
    Artifact,
    /// Content of the node with this index.
    Node(usize),
}

/// The structure tree: nodes in the order they were opened, the root
/// ([`Role::Document`]) first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    /// The nodes; children follow their parents.
    pub nodes: Vec<Node>,
    /// The alternative text of each [`Role::Figure`] node, by node index.
    pub alt: Vec<(usize, String)>,
}

impl Default for Structure {
    fn default() -> Structure {
        Structure { nodes: vec![Node { role: Role::Document, parent: 0 }], alt: Vec::new() }
    }
}

impl Structure {
    /// The root's index.
    pub const ROOT: usize = 0;

    /// Opens a node under `parent` and returns its index.
    pub fn add(&mut self, role: Role, parent: usize) -> usize {
        self.nodes.push(Node { role, parent });
        self.nodes.len() - 1
    }
}
