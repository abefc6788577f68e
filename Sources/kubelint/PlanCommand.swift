import ArgumentParser
import KubeLintDriver

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The order in which to create the tree's objects, read from the references between them.",
        discussion: """
            Namespaces and custom resource definitions first; then claims, ConfigMaps, Secrets, \
            accounts and access rules; then the workloads, each after the workloads it reaches \
            through host names in its configuration (redis://broker:6379, DATABASE_HOST: rdms), \
            with the Services that select it; then autoscalers, budgets and custom resources; \
            Ingresses last. Workloads that reach each other in a circle, and references to \
            objects that exist nowhere, are listed after the steps.

            Examples:
              kubelint plan k8s/                     the steps, for people
              kubelint plan k8s/ --format shell > apply.sh   kubectl apply and waits, step by step
              kubelint plan k8s/ --format json       every object in exactly one step

            Exit status: 0; 2 when a file could not be read or parsed (the plan leaves its objects out).
            """
    )

    @OptionGroup var options: StackOptions

    @Option(name: .long, help: "text (numbered steps), json, or shell (a bash script of kubectl apply and waits).")
    var format: PlanFormat = .text

    func run() throws {
        try options.run(.plan(format))
    }
}
