package enum KubeLintVersion {
    package static let current = "0.1.0"
}
