import Testing
@testable import KubeLintYAML

@Suite("Scalar resolution follows Kubernetes (go-yaml v2, YAML 1.1)")
struct ScalarResolutionTests {
    @Test(arguments: ["yes", "Yes", "YES", "y", "Y", "true", "True", "TRUE", "on", "On", "ON"])
    func truthyPlainScalarsAreBooleans(_ text: String) {
        #expect(ResolvedScalar.resolvePlain(text) == .bool(true))
    }

    @Test(arguments: ["no", "No", "NO", "n", "N", "false", "False", "FALSE", "off", "Off", "OFF"])
    func falsyPlainScalarsAreBooleans(_ text: String) {
        #expect(ResolvedScalar.resolvePlain(text) == .bool(false))
    }

    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func nullSpellings(_ text: String) {
        #expect(ResolvedScalar.resolvePlain(text) == .null)
    }

    @Test(arguments: [
        ("8080", Int64(8080)), ("-1", -1), ("+7", 7), ("0x1F", 31), ("0o17", 15), ("017", 15),
        ("0b101", 5), ("1_000", 1000), ("0", 0), ("-9223372036854775808", Int64.min),
    ])
    func integers(_ text: String, _ value: Int64) {
        #expect(ResolvedScalar.resolvePlain(text) == .int(value))
    }

    @Test(arguments: [("1.5", 1.5), ("08", 8.0), ("5.", 5.0), (".5", 0.5), ("1e3", 1000.0), ("-2.5E-1", -0.25)])
    func floats(_ text: String, _ value: Double) {
        #expect(ResolvedScalar.resolvePlain(text) == .float(value))
    }

    @Test func infinityAndNaN() {
        #expect(ResolvedScalar.resolvePlain(".inf") == .float(.infinity))
        #expect(ResolvedScalar.resolvePlain("-.Inf") == .float(-.infinity))
        guard case .float(let nan) = ResolvedScalar.resolvePlain(".NaN") else {
            Issue.record("expected .NaN to be a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test(arguments: ["yess", "0x", "1.2.3", "2019-01-01", "1Gi", "500m", "nginx:1.19", "-", ".", "e3", "0xZZ", "99999999999999999999x"])
    func otherPlainScalarsAreStrings(_ text: String) {
        #expect(ResolvedScalar.resolvePlain(text) == .string(text))
    }

    @Test func quotedAndBlockScalarsAreStrings() {
        for style in [ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded] {
            #expect(Scalar("yes", style: style).resolved == .string("yes"))
            #expect(Scalar("8080", style: style).resolved == .string("8080"))
        }
    }

    @Test func explicitTagsDecide() {
        #expect(Scalar("8080", tag: "tag:yaml.org,2002:str").resolved == .string("8080"))
        #expect(Scalar("8080", tag: "tag:yaml.org,2002:int").resolved == .int(8080))
        #expect(Scalar("8", tag: "tag:yaml.org,2002:float").resolved == .float(8))
        #expect(Scalar("yes", tag: "!").resolved == .string("yes"))
        #expect(Scalar("abc", tag: "tag:yaml.org,2002:int").resolved == .string("abc"))
    }
}
