import Testing
@testable import KubeLintYAML

@Suite("Tab repair: tabs libyaml refuses become spaces when the width does not matter")
struct TabRepairTests {
    private func repaired(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard case .repaired(let edits) = TabRepair.repair(bytes) else { return nil }
        return String(decoding: TextPatch.apply(edits, to: bytes), as: UTF8.self)
    }

    @Test func indentationTabsBecomeTheFilesStep() {
        #expect(repaired("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: settings\n\tlabels:\n\t\tapp: web\n")
            == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\n")
        // A tab after spaces goes to the next tab stop.
        #expect(repaired("metadata:\n    name: settings\n    labels:\n    \tapp: web\n")
            == "metadata:\n    name: settings\n    labels:\n        app: web\n")
    }

    @Test func keepsAByteOrderMark() {
        #expect(repaired("\u{FEFF}metadata:\n\tname: x\n") == "\u{FEFF}metadata:\n  name: x\n")
    }

    @Test func tabsYAMLReadsAsSeparationBecomeSpaces() {
        #expect(repaired("metadata:\n  name: settings\n\t# the settings\ndata: {}\n") == "metadata:\n  name: settings\n  # the settings\ndata: {}\n")
        #expect(repaired("metadata:\n  name: settings\n\t\ndata: {}\n") == "metadata:\n  name: settings\n\ndata: {}\n")
        #expect(repaired("items:\n-\tapiVersion: v1\n  kind: ConfigMap\n") == "items:\n- apiVersion: v1\n  kind: ConfigMap\n")
    }

    @Test func keepsTabsThatAreContentAndLineBreaks() {
        let text = "data:\r\n  Makefile: |\r\n    all:\r\n    \techo done\r\nmetadata:\r\n\tname: build\r\n"
        #expect(repaired(text) == "data:\r\n  Makefile: |\r\n    all:\r\n    \techo done\r\nmetadata:\r\n  name: build\r\n")
        // After a block scalar, a tab's width decides whether the line is text of the scalar.
        let ambiguous = "data:\n  Makefile: |\n    all:\n\tkey: value\n"
        #expect(repaired(ambiguous) == nil)
    }

    @Test func refusesWhenTheWidthDecidesTheStructure() {
        let text = "a:\n\tb: 1\n        c: 2\n"
        #expect(TabRepair.repair(Array(text.utf8)) == .refused(
            "how wide a tab is (2, 4 or 8 columns) decides what the file means; indent those lines with spaces by hand"
        ))
    }

    @Test func refusesWhenAnotherErrorRemains() {
        #expect(TabRepair.repair(Array("a:\n\tb: [1\n".utf8)) == .refused(
            "line 3 has another syntax error once the tabs are replaced: did not find expected ',' or ']'"
        ))
    }

    @Test func leavesFilesWithoutTabErrorsAlone() {
        #expect(TabRepair.repair(Array("a: 1\n".utf8)) == .notApplicable)
        #expect(TabRepair.repair(Array("a: [1\n".utf8)) == .notApplicable)
    }
}
