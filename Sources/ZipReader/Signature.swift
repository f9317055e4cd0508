/// The four-byte signatures ("PK" and two digits, little-endian) that open each ZIP record.
enum Signature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralDirectoryHeader: UInt32 = 0x0201_4B50
    static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    static let zip64EndOfCentralDirectory: UInt32 = 0x0606_4B50
    static let zip64EndOfCentralDirectoryLocator: UInt32 = 0x0706_4B50
}
