//! What the import will write and what it tells the reviewer: the report, codegen's check of
//! the result, and the last fixes once every page is in.

pub mod check;
pub mod model_examples;
pub mod report;
