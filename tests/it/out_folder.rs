//! The output folder is ours or untouched, seen from the command line:
//! `--force` replaces a folder an earlier build did not write, a copied
//! output folder stays replaceable, and a build removes the staging folders
//! a killed build left behind.

use crate::common;

#[test]
fn force_replaces_a_folder_without_marker_and_leaves_the_marker() {
    let site = common::site_copy();
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("oud");
    common::write(&out, "notities.txt", "weg ermee\n");
    let refused = common::run(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        out.join("notities.txt").is_file(),
        "refused: nothing deleted"
    );
    common::build(site.path(), &out, &["--force"]);
    assert!(!out.join("notities.txt").exists());
    assert!(out.join(".chatcontrole-output").is_file());
}

#[test]
fn a_copied_output_folder_stays_replaceable_and_debris_goes() {
    let site = common::site_copy();
    let work = tempfile::tempdir().unwrap();
    let first = work.path().join("public");
    common::build(site.path(), &first, &[]);
    let copy = work.path().join("kopie");
    for (rel, bytes) in common::snapshot(&first) {
        let target = copy.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    std::fs::create_dir_all(work.path().join(".kopie.new-dood/nieuws")).unwrap();
    std::fs::create_dir_all(work.path().join(".kopie.old-dood")).unwrap();
    common::build(site.path(), &copy, &[]);
    let left: Vec<String> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".kopie."))
        .collect();
    assert!(left.is_empty(), "staging folders left: {left:?}");
}
