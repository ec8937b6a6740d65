fn main() {
    let p = std::env::args().nth(1).unwrap();
    let b = std::fs::read(&p).unwrap();
    for (i, page) in foikit::read::extract::pdf_pages(&p, &b).unwrap().iter().enumerate() {
        println!("===== page {} =====\n{}", i + 1, page);
    }
}
