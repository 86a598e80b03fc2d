//! Command-line entry point of `chatcontrole`.

fn main() {
    println!("chatcontrole");
}
