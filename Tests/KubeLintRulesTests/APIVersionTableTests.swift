import Testing
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

@Suite("API version table")
struct APIVersionTableTests {
    let table = APIVersionTable.shared

    private func entry(_ apiVersion: String, _ kind: String) throws -> APIVersionTable.Entry {
        try #require(table.entry(apiVersion: apiVersion, kind: kind), "\(apiVersion) \(kind)")
    }

    @Test func lifecyclesAreOrderedAndReplacementsKnown() {
        #expect(table.entries.count > 200)
        for entry in table.entries.values {
            if let removed = entry.removed { #expect(entry.introduced < removed, "\(entry.apiVersion) \(entry.kind)") }
            if let deprecated = entry.deprecated { #expect(entry.introduced <= deprecated, "\(entry.apiVersion) \(entry.kind)") }
            if let replacement = entry.replacement {
                #expect(table.entries[replacement] != nil, "\(replacement.apiVersion) \(replacement.kind)")
            }
        }
    }

    /// Every kind the field tables know has a lifecycle, so the apiVersion rules judge them all.
    @Test func everySchemaRootHasALifecycle() {
        for key in SchemaTable.shared.roots.keys {
            #expect(table.entry(apiVersion: key.apiVersion, kind: key.kind) != nil, "\(key.apiVersion) \(key.kind)")
        }
    }

    /// The lifecycle table and the OpenAPI documents the field tables were sampled from are
    /// independent sources; they must agree where both know an apiVersion.
    @Test func lifecyclesAgreeWithTheSampledReleases() {
        let schema = SchemaTable.shared
        // The 1.18 OpenAPI document leaves discovery.k8s.io/v1alpha1 out, though k8s.io/api 1.18
        // registers it (removed in 1.21 by kubernetes/kubernetes#99662).
        let omittedAlphas: Set<String> = ["discovery.k8s.io/v1alpha1"]
        for key in schema.roots.keys {
            guard let entry = table.entry(apiVersion: key.apiVersion, kind: key.kind) else { continue }
            if let last = schema.rootLastServedMinor[key] {
                // A release that stops serving an apiVersion by default may still describe it
                // (1.16 kept apps/v1beta1 behind --runtime-config), so "last" may equal "removed".
                #expect(entry.removed.map { last <= $0.minor } == true, "\(key.apiVersion) \(key.kind) described in 1.\(last)")
                if let gone = schema.firstReleaseWithout(apiVersion: key.apiVersion, kind: key.kind), !omittedAlphas.contains(key.apiVersion) {
                    #expect(entry.removed.map { $0 <= gone } == true, "\(key.apiVersion) \(key.kind) gone from \(gone)")
                }
            } else {
                #expect(entry.removed == nil, "\(key.apiVersion) \(key.kind) is described by the newest release")
            }
            if let absent = schema.rootAbsentThroughMinor[key] {
                #expect(absent < entry.introduced.minor, "\(key.apiVersion) \(key.kind) absent in 1.\(absent)")
            }
        }
    }

    /// Removals between the releases the field tables sample land on their own release.
    @Test func alphaRemovalsAreExact() throws {
        #expect(try entry("coordination.k8s.io/v1alpha1", "LeaseCandidate").removed == .v1(32))
        #expect(try entry("admissionregistration.k8s.io/v1alpha1", "ValidatingAdmissionPolicy").removed == .v1(32))
        #expect(try entry("networking.k8s.io/v1alpha1", "ServiceCIDR").removed == .v1(33))
        #expect(try entry("storage.k8s.io/v1alpha1", "VolumeAttributesClass").removed == .v1(35))
        #expect(try entry("certificates.k8s.io/v1alpha1", "PodCertificateRequest").removed == .v1(35))
        #expect(try entry("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema").removed == .v1(32))
        #expect(try entry("batch/v2alpha1", "CronJob").removed == .v1(21))
    }

    @Test func deprecationsTheHandWrittenTableMissed() throws {
        #expect(try entry("rbac.authorization.k8s.io/v1alpha1", "Role").deprecated == .v1(17))
        #expect(try entry("authentication.k8s.io/v1beta1", "TokenReview").deprecated == .v1(19))
        #expect(try entry("resource.k8s.io/v1beta1", "ResourceClaim").deprecated == .v1(35))
    }

    @Test func replacementsAreServedAtTheTarget() throws {
        let ingress = try entry("extensions/v1beta1", "Ingress")
        #expect(table.replacement(for: ingress, at: .v1(16))?.apiVersion == "networking.k8s.io/v1beta1")
        #expect(table.replacement(for: ingress, at: .v1(19))?.apiVersion == "networking.k8s.io/v1")
        let flowSchema = try entry("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema")
        for minor in 26...28 {
            #expect(table.replacement(for: flowSchema, at: .v1(minor))?.apiVersion == "flowcontrol.apiserver.k8s.io/v1beta3")
        }
        #expect(table.replacement(for: flowSchema, at: .v1(29))?.apiVersion == "flowcontrol.apiserver.k8s.io/v1")
        // Never back to autoscaling/v1, which has no metrics; v2 arrives in 1.23.
        let autoscaler = try entry("autoscaling/v2beta1", "HorizontalPodAutoscaler")
        #expect(table.replacement(for: autoscaler, at: .v1(22))?.apiVersion == "autoscaling/v2beta2")
        #expect(table.replacement(for: autoscaler, at: .v1(25))?.apiVersion == "autoscaling/v2")
        let securityPolicy = try entry("extensions/v1beta1", "PodSecurityPolicy")
        #expect(table.replacement(for: securityPolicy, at: .v1(16))?.apiVersion == "policy/v1beta1")
        #expect(table.replacement(for: securityPolicy, at: .v1(25)) == nil)
        let endpoints = try entry("v1", "Endpoints")
        #expect(table.replacement(for: endpoints, at: .v1(33)).map { "\($0.apiVersion) \($0.kind)" } == "discovery.k8s.io/v1 EndpointSlice")
    }

    @Test func stagingIngressIsServedIn113AndRemovedIn122() throws {
        let ingress = try entry("extensions/v1beta1", "Ingress")
        #expect(ingress.isServed(at: .v1(13)) && !ingress.isDeprecated(at: .v1(13)))
        #expect(ingress.removed == .v1(22))
        #expect(ingress.replacement?.apiVersion == "networking.k8s.io/v1")
    }
}
