// marshal_format.h: the tags and the header of the marshal byte format, shared by the
// writer (marshal_write.cpp) and the reader (marshal_read.cpp). docs/design/marshal.md
// describes the format; a tag's number never changes once an image has been written.
#pragma once
#include <cstdint>

namespace clove::marshal_format {

/// "CLVM", then the format version, sizeof(Value), sizeof(Instr) and the bytecode
/// version (kBytecodeVersion), each a byte except the bytecode version (two bytes, low
/// first): 10 bytes in all.
inline constexpr char kMagic[4] = {'C', 'L', 'V', 'M'};
inline constexpr size_t kHeaderSize = 10;

/// One byte before each value. Tags below kFirstObject carry no identity; every other
/// tag starts an object, which takes the next object number (REF refers to it).
enum Tag : uint8_t {
  kNil = 0,
  kFalse = 1,
  kTrue = 2,
  kInt = 3,      // zigzag varint (small and boxed longs alike)
  kDouble = 4,   // 8 bytes, IEEE-754, low byte first
  kChar = 5,     // varint code point
  kRef = 6,      // varint object number
  kFloat = 7,    // 4 bytes, IEEE-754 single, low byte first (a java.lang.Float; no identity)
  kExport = 8,   // varint export number: in a deferred body, an object of the value's table
  kDeferred = 9, // varint section number: a value in the body table (the core image's var metadata)
  kFirstObject = 16,
  kString = 16,      // varint length, UTF-8 bytes
  kSymbol = 17,      // string ns ("" for none, else the ns), string name, value meta
  kKeyword = 18,     // string ns, string name
  kBigInt = 19,      // string: decimal digits, "-" first when negative
  kRatio = 20,       // string numerator, string denominator
  kBigDecimal = 21,  // string unscaled value, zigzag scale
  kSpine = 22,       // varint n cells; each: byte kind, value meta, body; then the tail value
  kEmptyList = 23,   // value meta
  kVector = 24,      // varint n, n values, value meta
  kMapEntry = 25,    // key, val
  kArrayMap = 26,    // varint n pairs, 2n values, value meta
  kHashMap = 27,     // same
  kHashSet = 28,     // varint n, n values, value meta
  kSortedMap = 29,   // value comparator (nil: compare), varint n pairs, 2n values, meta
  kSortedSet = 30,   // value comparator, varint n, n values, meta
  kQueue = 31,       // varint n, n values, meta
  kRange = 32,       // zigzag start, zigzag step, varint count, meta
  kTagged = 33,      // tag, form
  kUuid = 34,        // 8 bytes msb, 8 bytes lsb
  kInst = 35,        // zigzag ms
  kRegex = 36,       // string source
  kAtom = 37,        // val, validator, watches, meta
  kVolatile = 38,    // val
  kDelay = 39,       // fn, val, exception
  kLazySeq = 40,     // fn, meta (an unrealized lazy seq; realized ones are spine cells)
  kVar = 41,         // string ns, string name
  kNamespace = 42,   // string name
  kFnProto = 43,     // see write_fn_proto
  kClosure = 44,     // value fnproto, meta, varint n upvalues, n values
  kNative = 45,      // string name, value meta
  kMultiFn = 46,     // string name, dispatch fn, default, var hierarchy, methods, prefers
  kProtocol = 47,    // symbol name, var, varint n methods (keywords), doc, varint n impls (cls, fns)
  kRecordType = 48,  // symbol name, byte is_record, varint n fields (keywords), field syms, to_string
  kRecord = 49,      // record type, varint n fields, n values, ext, meta
  kTypeInstance = 50,  // record type, varint n fields, n values, meta
  kReify = 51,       // varint n, n (protocol, fns), to_string, meta
  kException = 52,   // varint kind, message (string or nil), data, cause, varint n frames (fn name, pos)
  kStringBuilder = 53,  // string
  kArray = 54,       // byte kind (ArrayKind), component class, varint n, n values
  kFiber = 55,       // see marshal_write.cpp's fiber(): status, mask, fn, value, frames
  kArrayChunk = 56,  // varint n, n values (a chunk of a chunked seq)
  kChunkBuffer = 57, // varint capacity, byte sealed, varint n, n values
  kVectorSeq = 58,   // vector, varint index, meta (a chunked seq: chunked map/reduce hold one)
  kRecordTypeIfaces = 59,  // as kRecordType, then interface names, interface methods (user_type.h)
  kReifyIfaces = 60,       // as kReify, then interface names, interface methods
  kReaderConditional = 61, // byte splicing (0 or 1), form
  kSymbolEmptyNs = 62,     // string name, value meta: a symbol whose namespace is "" (/a)
  kKeywordEmptyNs = 63,    // string name: a keyword whose namespace is "" (:/a)
  kClass = 64,             // string full name: a built-in class value (java.lang.String, [J), found again by name
  kSubVector = 65,         // vector, varint start, varint end, meta: a subvec view, start < end <= count
  kTagCount = 66
};
/// Set in a suspended fiber's status byte when the instruction budget paused it (the
/// fiber caught :budget itself): its innermost frame is a closure, and its pc follows
/// the try handlers.
inline constexpr uint8_t kBudgetPaused = 0x80;
/// Set in a suspended fiber's status byte when it holds dynamic bindings (`binding`
/// frames), written after everything else: a count, then (var or nil marker, value) pairs.
inline constexpr uint8_t kHasBindings = 0x40;
/// Set, with kBudgetPaused, in the status byte of a fiber the budget paused while it
/// waited in fiber/resume for another fiber (a chain, vm.md "Limits"): its innermost
/// frame is that native, it has no pc, and the fiber it waits for comes last (after
/// the bindings), itself budget-paused; reading links the two back (child, resumer).
inline constexpr uint8_t kWaitsForChild = 0x20;

/// The flags byte of a Proto (format version 3; before it, 1 meant variadic).
inline constexpr uint8_t kProtoVariadic = 1;
/// The body is not here: a varint body number follows, and the body is in the body
/// table after the value (marshal.md, "Deferred bodies").
inline constexpr uint8_t kProtoDeferred = 2;

/// The kinds of a kSpine cell.
enum SpineKind : uint8_t {
  kSpineList = 0,     // body: the element; the next cell is its rest
  kSpineCons = 1,     // body: the element; the next cell (or the tail) is its more
  kSpineLazy = 2,     // a realized lazy seq: no body; the next cell (or the tail) is its seq
  kSpineChunked = 3,  // body: varint n, n elements (a chunk); the next cell is its more
};

}  // namespace clove::marshal_format
