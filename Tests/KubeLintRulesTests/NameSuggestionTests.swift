import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// One "did you mean" for every place kubelint suggests a name: the policy itself, and what each
/// kind of message answers with it.
@Suite("Did you mean")
struct NameSuggestionTests {
    private func messages(_ yaml: String, rule: String) -> [String] {
        let tree = Loader.load([.bytes(name: "test.yaml", Array(yaml.utf8))])
        return Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == rule }.map(\.message)
    }

    @Test func closeNamesAreSuggestedAndFarOnesAreNot() {
        let fields = ["replicas", "selector", "template", "containerPort", "minReadySeconds"]
        #expect(NameSuggestion.closest(to: "replica", among: fields) == "replicas")
        #expect(NameSuggestion.closest(to: "selcetor", among: fields) == "selector")
        #expect(NameSuggestion.closest(to: "image", among: fields) == nil)
        #expect(NameSuggestion.closest(to: "", among: fields) == nil)
        #expect(NameSuggestion.closest(to: "zzz", among: ["secret-missing"]) == nil)
        #expect(NameSuggestion.closest(to: "DATABSE_HOST", among: ["DATABASE_HOST", "DATABASE_PORT"]) == "DATABASE_HOST")
    }

    @Test func caseAloneIsTheClosestOfAll() {
        #expect(NameSuggestion.closest(to: "containerport", among: ["containerPorts", "containerPort"]) == "containerPort")
        #expect(NameSuggestion.closest(to: "always", among: ["Always", "Never", "IfNotPresent"]) == "Always")
    }

    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(NameSuggestion.editDistance("rules", "rlues") == 1)
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.closest(to: "rlues", among: ["rules", "paths"]) == "rules")
        #expect(NameSuggestion.closest(to: "wbe", among: ["web", "api"]) == "web")
    }

    @Test func theShortcutsNeverChangeTheAnswer() {
        // The character-set bound never exceeds the distance, and the distance stopped at a
        // limit is exact within it and just past it beyond.
        let words = ["web", "wbe", "api-env", "app-env", "settings", "setings", "db", "dc", "redis-master", "redis-1", "ÉTÉ", "été", ""]
        for a in words {
            for b in words {
                let (x, y) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
                let exact = NameSuggestion.editDistance(x, y)
                #expect(NameSuggestion.characterDifference(NameSuggestion.characterSet(of: x), NameSuggestion.characterSet(of: y)) <= exact)
                for limit in 0...3 {
                    #expect(NameSuggestion.editDistance(x, y, limit: limit) == (exact <= limit ? exact : limit + 1), "\(a) \(b) \(limit)")
                }
            }
        }
    }

    @Test func preparedNamesAnswerLikeOneOffLookups() {
        let names = ["web-settings", "web-cache", "api-env", "app-env", "Web-Settings"]
        let candidates = NameSuggestion.Candidates(names)
        for word in ["web-setings", "web-cahce", "api-evn", "web-settings", "WEB-SETTINGS", "nothing-near"] {
            #expect(candidates.closest(to: word) == NameSuggestion.closest(to: word, among: names.reversed()))
        }
        #expect(candidates.closest(to: "web-settings") == "Web-Settings")
        #expect(candidates.hint(for: "web-cahce") == "; did you mean 'web-cache'?")
    }

    @Test func theLimitGrowsWithTheWordAndNeverCoversAllOfIt() {
        #expect((1...12).map(NameSuggestion.limit(forLength:)) == [0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3])
        #expect(NameSuggestion.closest(to: "a", among: ["b"]) == nil)
        #expect(NameSuggestion.closest(to: "a", among: ["A"]) == "A")
        #expect(NameSuggestion.closest(to: "db", among: ["dc"]) == "dc")
        #expect(NameSuggestion.closest(to: "api-env", among: ["app-env", "api-settings"]) == "app-env")
    }

    @Test func theWordItselfIsNeverSuggested() {
        #expect(NameSuggestion.closest(to: "web", among: ["web"]) == nil)
        #expect(NameSuggestion.hint(for: "web", among: ["web", "wbe"]) == "; did you mean 'wbe'?")
    }

    @Test func tiesGoToTheNameThatSortsFirstWhateverTheOrder() {
        #expect(NameSuggestion.closest(to: "invalid-e", among: ["invalid-type", "invalid-name"]) == "invalid-name")
        #expect(NameSuggestion.closest(to: "invalid-e", among: ["invalid-name", "invalid-type"]) == "invalid-name")
    }

    // What each message that suggests a name answers.

    @Test func unknownFieldsAndKinds() {
        let yaml = """
            apiVersion: apps/v1
            kind: Deploymnet
            metadata: {name: x}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replica: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    imagePullPolicy: IfNotPresnt
                    ports: [{containerport: 80}]
            """
        #expect(messages(yaml, rule: "unknown-kind") == ["apps/v1 has no kind 'Deploymnet'; did you mean 'Deployment'?"])
        #expect(messages(yaml, rule: "unknown-field") == [
            "unknown field 'replica' in spec; did you mean 'replicas'?",
            "unknown field 'containerport' in spec.template.spec.containers[0].ports[0]; did you mean 'containerPort'?",
        ])
        #expect(messages(yaml, rule: "invalid-enum-value") == [
            "spec.template.spec.containers[0].imagePullPolicy: 'IfNotPresnt' is not one of Always, Never, IfNotPresent; did you mean 'IfNotPresent'?",
        ])
    }

    @Test func selectorOperators() {
        let yaml = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              maxUnavailable: 1
              selector:
                matchExpressions: [{key: app, operator: in, values: [web]}]
            """
        #expect(messages(yaml, rule: "invalid-selector") == [
            "spec.selector.matchExpressions[0]: operator 'in' is not one of In, NotIn, Exists, DoesNotExist; did you mean 'In'?",
        ])
    }

    @Test func configurationKeysAndRuleIDs() {
        let parsed = ConfigurationParser.parse("""
            rlues:
              secret-missng: {severity: error}
            ignore:
            - {rule: configmap-mising, reason: made by hand}
            """, file: ".kubelint.yaml")
        #expect(parsed.configuration.problems.map(\.message) == [
            "unknown key 'rlues' in the configuration; did you mean 'rules'?",
            "ignore[0].rule: unknown rule 'configmap-mising'; did you mean 'configmap-missing'?",
        ])
    }
}
