//! Word lists the figure rules consult, as plain `match` statements the
//! compiler turns into fast comparisons. Every lookup takes the token
//! already lower-cased (ASCII), so offsets never move.

mod context;
mod numbers;

pub use context::*;
pub use numbers::*;
