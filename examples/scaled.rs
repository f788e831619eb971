//! Prints the Chi Lăng sample with every list N times longer, as notice JSON
//! (`cargo run --release --example scaled -- 100`): the notices the browser
//! benchmark (scripts/bench.sh) opens.

fn main() {
    let factor = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(1);
    let notice = thongbao::core::samples::scaled(factor);
    println!("{}", thongbao::core::json::to_json(&notice));
}
