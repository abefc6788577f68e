import KubeLintModel
/// Data derived from the whole tree that rules share (the pods and workloads, what the tree makes
/// without writing it out, the schema check of every object, ...). A rule lists the facts it
/// reads (`Rule.facts`) and reads them as `context[SomeFact.self]`; the linter derives each fact
/// an enabled rule asks for once per run, before the rules run side by side, so reading one needs
/// no locking and a fact no enabled rule asks for costs nothing.
///
/// The engine knows no fact: each module declares its own, next to the rules that read it.
///
/// A fact is an immutable final class: reading one is a pointer, found among the run's few facts
/// by type identity, without copying the data or casting at run time (rules read facts once per
/// reference, and a generic read across modules cannot be specialised).
package protocol Fact: AnyObject, Sendable {
    /// The facts `derive(from:)` reads (`context[Other.self]`); the linter derives them first.
    static var dependencies: [any Fact.Type] { get }

    /// The fact for the run `context` describes. `context` holds the facts of `dependencies`.
    static func derive(from context: LintContext) -> Self
}

extension Fact {
    package static var dependencies: [any Fact.Type] { [] }
}

/// The facts of one run, each derived once. A run has a handful: a list searched by type
/// identity finds one faster than a hash.
struct Facts: Sendable {
    private var types: [ObjectIdentifier] = []
    private var values: [any Fact] = []

    init() {}

    func value<F: Fact>(_ fact: F.Type) -> F? {
        guard let index = types.firstIndex(of: ObjectIdentifier(fact)) else { return nil }
        // Stored under its own type (`store`), so the cast cannot fail.
        return unsafeDowncast(values[index], to: F.self)
    }

    func contains(_ fact: any Fact.Type) -> Bool {
        types.contains(ObjectIdentifier(fact))
    }

    mutating func store(_ value: any Fact, as fact: any Fact.Type) {
        precondition(type(of: value) == fact, "a fact must derive itself")
        types.append(ObjectIdentifier(fact))
        values.append(value)
    }
}

extension LintContext {
    /// `requested` and what they depend on, each derived once, dependencies first.
    mutating func derive(_ requested: [any Fact.Type]) {
        var deriving: Set<ObjectIdentifier> = []
        for fact in requested { derive(fact, deriving: &deriving) }
    }

    private mutating func derive(_ fact: any Fact.Type, deriving: inout Set<ObjectIdentifier>) {
        guard !facts.contains(fact) else { return }
        precondition(deriving.insert(ObjectIdentifier(fact)).inserted, "the fact \(fact) depends on itself")
        for dependency in fact.dependencies { derive(dependency, deriving: &deriving) }
        facts.store(fact.derive(from: self), as: fact)
    }
}
