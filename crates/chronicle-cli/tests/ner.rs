//! End-to-end tests of the NER commands on tiny hand-written CoNLL files:
//! `chronicle ner --conll` keeps the input aligned line for line,
//! `chronicle eval ner` scores conlleval-style, `chronicle train ner` is
//! reproducible.

use std::path::Path;
use std::process::{Command, Output};

const SNIPPET: &str = "-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
to TO I-VP O
boycott VB I-VP O
British JJ I-NP I-MISC
lamb NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O
";

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .expect("chronicle runs")
}

fn snippet_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("snippet.conll");
    std::fs::write(&path, SNIPPET).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn tagging_keeps_every_line_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let out = chronicle(&["ner", "--conll", &snippet_file(&dir)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let input: Vec<&str> = SNIPPET.lines().collect();
    assert_eq!(lines.len(), input.len());
    for (o, i) in lines.iter().zip(&input) {
        if i.is_empty() || i.starts_with("-DOCSTART-") {
            assert_eq!(o, i);
        } else {
            let (head, tag) = o.rsplit_once(' ').unwrap();
            assert_eq!(&head, i);
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{tag}"
            );
        }
    }
    assert!(text.contains("Peter NNP I-NP I-PER B-PER"), "{text}");
    assert!(text.contains("Blackburn NNP I-NP I-PER I-PER"), "{text}");
}

#[test]
fn eval_prints_conlleval_scores() {
    let dir = tempfile::tempdir().unwrap();
    let file = snippet_file(&dir);
    for extra in [&[][..], &["--lowercase"][..]] {
        let mut args = vec!["eval", "ner", file.as_str()];
        args.extend_from_slice(extra);
        let out = chronicle(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("with 5 phrases"), "{text}");
        for t in ["PER", "ORG", "LOC", "MISC", "FB1"] {
            assert!(text.contains(t), "{text}");
        }
    }
}

#[test]
fn eval_splits_entities_seen_in_a_training_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = snippet_file(&dir);
    // Only "EU" and "Peter Blackburn" are entities of this training file.
    let train = dir.path().join("train.conll");
    std::fs::write(
        &train,
        "EU NNP I-NP I-ORG\nsaid VBD I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n",
    )
    .unwrap();
    let train = train.to_string_lossy().into_owned();
    let out = chronicle(&["eval", "ner", &file, "--seen-from", &train]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line in {text}"))
            .to_string()
    };
    assert!(line("seen:").contains("2 gold"), "{text}");
    assert!(line("unseen:").contains("3 gold"), "{text}");
    // Without the flag, no split.
    let out = chronicle(&["eval", "ner", &file]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("unseen"));
}

#[test]
fn training_is_reproducible_and_the_model_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = snippet_file(&dir);
    let mut models = Vec::new();
    for k in 0..2 {
        let model = dir.path().join(format!("m{k}.bin"));
        let model = model.to_string_lossy().into_owned();
        let args = [
            "train", "ner", "--train", &file, "--dev", &file, "--epochs", "2", "--bits", "12",
            "--folds", "2", "--out", &model,
        ];
        let out = chronicle(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("dev F1"));
        models.push(std::fs::read(&model).unwrap());
        let out = chronicle(&["eval", "ner", &file, "--model", &model]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(models[0], models[1]);
}

#[test]
fn several_training_files_train_as_their_concatenation() {
    let dir = tempfile::tempdir().unwrap();
    let whole = snippet_file(&dir);
    let split = SNIPPET.rfind("-DOCSTART-").unwrap();
    let (a, b) = (dir.path().join("a.conll"), dir.path().join("b.conll"));
    std::fs::write(&a, &SNIPPET[..split]).unwrap();
    std::fs::write(&b, &SNIPPET[split..]).unwrap();
    let (a, b) = (a.to_string_lossy(), b.to_string_lossy());
    let train = |files: &[&str], out: &str| {
        let model = dir.path().join(out).to_string_lossy().into_owned();
        let mut args = vec![
            "train", "ner", "--epochs", "2", "--bits", "12", "--folds", "2",
        ];
        for f in files {
            args.extend(["--train", f]);
        }
        args.extend(["--out", &model]);
        let out = chronicle(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(&model).unwrap()
    };
    let one = train(&[&whole], "whole.bin");
    assert_eq!(one, train(&[&a, &b], "parts.bin"));
    // The order of the files is the order of the documents.
    assert_ne!(one, train(&[&b, &a], "swapped.bin"));
    // An empty training file is an error naming it.
    let empty = dir.path().join("empty.conll");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.to_string_lossy();
    let out = chronicle(&["train", "ner", "--train", &whole, "--train", &empty]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.conll"));
}

#[test]
fn bad_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"not a model").unwrap();
    let out = chronicle(&[
        "eval",
        "ner",
        &snippet_file(&dir),
        "--model",
        &junk.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad magic"));
    let out = chronicle(&["ner", "--conll", "/nonexistent/file"]);
    assert_eq!(out.status.code(), Some(2));
}
