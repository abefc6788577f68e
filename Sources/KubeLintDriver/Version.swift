public enum KubeLintVersion {
    public static let current = "0.1.0"
}
