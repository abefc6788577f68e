import ArgumentParser
import KubeLintDriver

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The tree as a picture: Ingress → Service → workload → ConfigMap, Secret, claim, and workload → Service for host names in configuration.",
        discussion: """
            Edges are labelled with the port or the keys they use. Objects the tree does not have \
            are drawn dashed; one that exists nowhere is red, with the finding's message.

            Examples:
              kubelint graph k8s/                       Mermaid, for a README or a pull request
              kubelint graph k8s/ --format dot | dot -Tsvg > stack.svg
              kubelint graph k8s/ --format json

            Exit status: 0; 2 when a file could not be read or parsed (the graph leaves its objects out).
            """
    )

    @OptionGroup var options: StackOptions

    @Option(name: .long, help: "mermaid (renders in GitHub markdown), dot (Graphviz), or json.")
    var format: GraphFormat = .mermaid

    func run() throws {
        try options.run(.graph(format))
    }
}
