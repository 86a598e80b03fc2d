//! Commands that bring an existing site into chatcontrole: `import hugo`
//! moves a whole Hugo site. (`import guide`, which reads one voting-guide
//! page into data, lives with the guide in `guide/import.rs`.)

pub mod hugo;
