//! Pester-style tests: Describe, Context, It, BeforeAll/AfterAll, BeforeEach/AfterEach and
//! Should. `exsh test` (src/testing) runs files of them.

pub mod after_all;
pub mod after_each;
pub mod before_all;
pub mod before_each;
pub mod context;
pub mod describe;
pub mod it;
pub mod should;
pub mod util;
