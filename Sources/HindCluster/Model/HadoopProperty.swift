/// One `<property>` of a Hadoop config file.
public struct HadoopProperty: Hashable, Codable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
