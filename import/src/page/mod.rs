//! Reading a page's syntax: its blocks, the text of its cells, its table columns, its type
//! words and the JSON of its examples. Nothing here knows what a section means.

pub mod cells;
pub mod columns;
pub mod example;
pub mod markdown;
pub mod types;
