#!/bin/sh
# Writes the list of a rule module's rules: every top-level type of the Swift files given that
# conforms to a rule protocol (Rule, ResourceRule, SuppressionRule, FixableRule, or a protocol
# of these files that refines one of them). Run by the build (Plugins/RuleList) for each rule
# module, so a new rule is one new file; shell and awk only, so that no tool has to be built.
#
#   scripts/rule-list.sh OUTPUT.swift FILE.swift...
set -eu
output="$1"
shift
awk '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    # A declaration at the top level: `[access] [final] struct|class|enum|protocol Name: A, B {`.
    match($0, /^((public|package|internal|fileprivate|private)[ \t]+)?(final[ \t]+)?(struct|class|enum|protocol)[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*:[^{]*/) {
        declaration = substr($0, RSTART, RLENGTH)
        kind = declaration
        sub(/^((public|package|internal|fileprivate|private)[ \t]+)?(final[ \t]+)?/, "", kind)
        name = kind
        sub(/^(struct|class|enum|protocol)[ \t]+/, "", name)
        sub(/[ \t]*:.*/, "", name)
        sub(/[ \t]+.*/, "", kind)
        conformances = declaration
        sub(/^[^:]*:/, "", conformances)
        sub(/[ \t]+where[ \t].*/, "", conformances)
        count += 1
        names[count] = name
        kinds[count] = kind
        lists[count] = conformances
    }
    END {
        rule["Rule"] = 1; rule["ResourceRule"] = 1; rule["SuppressionRule"] = 1; rule["FixableRule"] = 1
        # Protocols that refine a rule protocol are rule protocols: repeat until none is added.
        do {
            added = 0
            for (i = 1; i <= count; i++) {
                if (kinds[i] != "protocol" || (names[i] in rule)) continue
                n = split(lists[i], parts, ",")
                for (j = 1; j <= n; j++) if (trim(parts[j]) in rule) { rule[names[i]] = 1; added = 1; break }
            }
        } while (added)
        for (i = 1; i <= count; i++) {
            if (kinds[i] == "protocol") continue
            n = split(lists[i], parts, ",")
            for (j = 1; j <= n; j++) if (trim(parts[j]) in rule) { print names[i]; break }
        }
    }
' "$@" | LC_ALL=C sort -u > "$output.names"
{
    echo "// Generated at build time by scripts/rule-list.sh (Plugins/RuleList) from the rule types of"
    echo "// this module's sources; not in the repository. A new rule file is listed by the next build."
    echo "import KubeLintEngine"
    echo ""
    echo "/// Every rule this module declares, by type name; the driver's catalog orders them."
    echo "package enum RuleList {"
    echo "    package static let ruleTypes: [any Rule.Type] = ["
    sed 's/.*/        &.self,/' "$output.names"
    echo "    ]"
    echo "}"
} > "$output.tmp"
rm -f "$output.names"
mv "$output.tmp" "$output"
