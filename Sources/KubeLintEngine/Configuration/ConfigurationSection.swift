import KubeLintModel
import KubeLintYAML

/// A top-level key of `.kubelint.yaml` that belongs to a module above the engine (`contracts`,
/// `producers`): the module reads it, the engine keeps it in `LintConfiguration` by type, and the
/// module's rules and facts read it back as `configuration[Section.self]`. The catalog lists the
/// sections a run knows (`LintCatalog.sections`).
package protocol ConfigurationSection: Sendable {
    /// The key, as written in the configuration.
    static var key: String { get }
    /// The section of a configuration that does not write the key.
    init()
    /// Reads the key's value (never null); problems go to `reader` with their positions.
    mutating func read(_ pair: Pair, reader: inout SchemaReader)
}

/// The sections of one configuration, by type.
struct ConfigurationSections: Sendable {
    private var values: [ObjectIdentifier: any ConfigurationSection] = [:]

    subscript<Section: ConfigurationSection>(_ section: Section.Type) -> Section {
        get { values[ObjectIdentifier(section)].map { $0 as! Section } ?? Section() }
        set { values[ObjectIdentifier(section)] = newValue }
    }

    /// Reads the key of `section` into it.
    mutating func read(_ section: any ConfigurationSection.Type, _ pair: Pair, reader: inout SchemaReader) {
        var value = values[ObjectIdentifier(section)] ?? section.init()
        value.read(pair, reader: &reader)
        values[ObjectIdentifier(section)] = value
    }
}

extension LintConfiguration {
    /// A module's section of the configuration (its default when the file does not write it).
    package subscript<Section: ConfigurationSection>(_ section: Section.Type) -> Section {
        get { sections[section] }
        set { sections[section] = newValue }
    }
}
