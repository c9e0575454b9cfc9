// marshal_read.cpp: unmarshal(), the reader of the format in marshal_format.h.
//
// Nothing in the input is trusted. Every count is bounded by the bytes left (an element
// takes at least one byte), so a corrupt length cannot make the reader allocate more
// than the input could describe; every object number must name an object already
// complete (or, for the mutable kinds the reader makes before their contents, already
// made); every value must have the kind its slot requires; function prototypes pass
// the bytecode verifier before any closure of them exists. The table of objects read
// so far is a GC root, since building a sorted collection may call a comparator.
#include <fmt/format.h>
#include <gmp.h>
#include <utf8proc.h>

#include <cstring>
#include <unordered_map>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include "image/marshal.h"
#include "image/marshal_format.h"
#include "runtime/lang/user_type.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/vector.h"
#include "runtime/host/array.h"
#include "runtime/host/stream.h"
#include "runtime/host/tagged.h"
#include "runtime/lang/exception.h"
#include "runtime/lang/function.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/multifn.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/record.h"
#include "runtime/lang/verifier.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"
#include "runtime/text/regex.h"
#include "state/continuation.h"
#include "state/state.h"
#include "vm/fiber.h"

namespace clove {

namespace {

using namespace marshal_format;

struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
};

class Reader;

/// The 4-byte little-endian number at p (a body offset).
uint32_t le32(const char* p) {
  const auto* b = reinterpret_cast<const uint8_t*>(p);
  return uint32_t{b[0]} | uint32_t{b[1]} << 8 | uint32_t{b[2]} << 16 | uint32_t{b[3]} << 24;
}

/// The body table of an image read with lazy_bodies (marshal.md, "Deferred bodies"):
/// what a deferred body needs to be read alone, kept for the VM's lifetime
/// (State::attachments). The bytes are the caller's, which outlive the VM.
class LazyBodies final : public DeferredSource, public RootProvider {
 public:
  LazyBodies(State& vm, std::string_view bytes, UnmarshalOptions opts, uint8_t version)
      : version(version), vm_(vm), bytes_(bytes), opts_(std::move(opts)) {
    vm_.heap.add_root_provider(this);
  }
  ~LazyBodies() override { vm_.heap.remove_root_provider(this); }
  void trace_roots(Tracer& t) override {
    for (Value v : exports) t.mark(v);
  }
  void load_body(State& vm, Proto* p) override;
  Value load_value(State& vm, uint32_t section) override;

  bool ready = false;           // the body table has been read (until then no body can be)
  std::vector<uint32_t> files;  // file number - 1 -> source registry id
  std::vector<Value> exports;   // by export number: objects of the value's table
  size_t offsets_at = 0;        // where the section offsets are (nsections + 1 fixed u32s)
  size_t bodies_at = 0;         // where section 0 starts
  const uint8_t version;        // the data's format version

 private:
  /// Section k's bytes (checked by body_table).
  std::string_view section(uint32_t k) const;

  State& vm_;
  std::string_view bytes_;
  UnmarshalOptions opts_;
};

/// The body source of a deferred arity whose data failed to read: running it is an error.
struct UnreadableBody final : DeferredSource {
  void load_body(State&, Proto*) override {
    throw_error(ErrorKind::IllegalStateException, "a fn from data that failed to unmarshal has no body");
  }
  Value load_value(State&, uint32_t) override {
    throw_error(ErrorKind::IllegalStateException, "a value from data that failed to unmarshal is missing");
  }
};
UnreadableBody g_unreadable_body;

class Reader : public RootProvider {
 public:
  /// A reader of `in`: marshalled data, or (with `image`) one section of image's body
  /// table, which has the image's format version and files.
  Reader(State& vm, std::string_view in, const UnmarshalOptions& opts, const LazyBodies* image = nullptr)
      : vm_(vm), in_(in), opts_(opts), table_(TableAllocator<Value>(&vm.heap)),
        pending_(TableAllocator<Value>(&vm.heap)), image_(image) {
    if (image_) {
      version_ = image_->version;
      files_ = image_->files;
    }
    vm_.heap.add_root_provider(this);
  }
  ~Reader() override {
    // Bodies not read (the data failed, or was read eagerly): no arity may keep a
    // pointer to the table that dies with this reader.
    if (lazy_)
      for (Proto* p : deferred_)
        if (p->body_source == lazy_.get()) p->body_source = &g_unreadable_body;
    vm_.heap.remove_root_provider(this);
  }
  void trace_roots(Tracer& t) override {
    for (Value v : table_) t.mark(v);
    for (Value v : pending_) t.mark(v);
    t.mark(last_ns_);
  }

  Value run() {
    // Room for the object table up front: grown by doubling, it and its copies touched
    // about 40 pages more while the core image loaded (an object takes at least 2 bytes
    // of input; reserved memory that is never written costs no page). Up to 8,192
    // objects (the core image's value has 2,900) the table, and the pending stack up to
    // 4,096 values, are pool pages (Heap::alloc_table), which at start-up lie in the
    // GC's huge first arena.
    table_.reserve(std::min(in_.size() / 8, size_t{8192}));
    filled_.reserve(in_.size() / 8);
    pending_.reserve(std::min(in_.size() / 16, size_t{4096}));
    header();
    if (version_ >= 3 && !image_) lazy_ = std::make_unique<LazyBodies>(vm_, in_, opts_, version_);
    Value v = value();
    hold(v);
    if (sections_ != 0) body_table();  // only data with deferred parts has one
    if (pos_ != in_.size()) corrupt(fmt::format("{} bytes after the value", in_.size() - pos_));
    return v;
  }

  /// Reads one deferred body into p (a reader made on the body's section). Its own fns
  /// are verified as they are read (unless trusted); p itself is verified with its
  /// FnProto by the caller.
  void read_body(Proto* p) {
    body(p);
    if (pos_ != in_.size()) corrupt(fmt::format("{} bytes after a body", in_.size() - pos_));
  }
  /// Reads one deferred value, as read_body.
  Value read_value() {
    Value v = value();
    if (pos_ != in_.size()) corrupt(fmt::format("{} bytes after a deferred value", in_.size() - pos_));
    return v;
  }

 private:
  State& vm_;
  std::string_view in_;
  const UnmarshalOptions& opts_;
  size_t pos_ = 0;
  std::vector<Value, TableAllocator<Value>> table_;    // by object number
  std::vector<uint8_t> filled_;   // 1 once table_[i] may be referred to
  std::vector<Value, TableAllocator<Value>> pending_;  // values read but not yet stored in an object (rooted)
  std::vector<uint32_t> files_;   // file table index - 1 -> source registry id
  int fn_depth_ = 0;              // FnProtos being read, one inside another
  uint8_t version_ = 0;           // the data's format version (header)
  const LazyBodies* image_;       // reading a deferred body: the image's body table
  std::vector<Proto*> deferred_;  // Protos whose body is in the body table
  uint32_t sections_ = 0;         // deferred bodies and values met so far (the next one's number)
  std::vector<FnProto*> deferred_owners_;  // the FnProtos they belong to (verified once read)
  std::unique_ptr<LazyBodies> lazy_;       // the body table (version 3 data, not in a body)
  Namespace* last_ns_ = nullptr;           // kVar's last namespace (reachable: the VM holds it)
  std::string_view last_ns_name_;          //   and its name, in the input

  [[noreturn, gnu::cold, gnu::noinline]] void corrupt(std::string_view why) {
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("unmarshal: {} at byte {}", why, pos_));
  }
  Heap& heap() { return vm_.heap; }

  // ---- primitives ----
  size_t left() const { return in_.size() - pos_; }
  uint8_t byte() {
    if (pos_ >= in_.size()) corrupt("the data ends early");
    return static_cast<uint8_t>(in_[pos_++]);
  }
  /// An unsigned LEB128 number; most are below 128 and take one byte.
  uint64_t uvar() {
    if (pos_ < in_.size() && !(static_cast<uint8_t>(in_[pos_]) & 0x80)) return static_cast<uint8_t>(in_[pos_++]);
    return uvar_long();
  }
  uint64_t uvar_long() {
    uint64_t x = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = byte();
      if (shift == 63 && b > 1) corrupt("a number too large");
      x |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return x;
    }
    corrupt("a number too large");
  }
  int64_t svar() {
    uint64_t z = uvar();
    return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
  }
  uint32_t u32var(uint64_t max, const char* what) {
    uint64_t x = uvar();
    if (x > max) corrupt(fmt::format("{} {} out of range", what, x));
    return static_cast<uint32_t>(x);
  }
  /// A count of things that take at least `min_bytes` each in the data left.
  uint32_t count(size_t min_bytes = 1) {
    uint64_t n = uvar();
    if (n > left() / min_bytes || n > UINT32_MAX) corrupt(fmt::format("a count of {} with {} bytes left", n, left()));
    return static_cast<uint32_t>(n);
  }
  /// A little-endian unsigned integer of sizeof(T) bytes (a double's or Float's bits, a
  /// UUID half).
  template <class T>
  T fixed() {
    if (left() < sizeof(T)) corrupt("the data ends early");
    T x = 0;
    for (size_t i = 0; i < sizeof(T); ++i) x |= static_cast<T>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += sizeof(T);
    return x;
  }
  std::string_view raw_str() {
    uint64_t n = uvar();
    if (n > left()) corrupt("a string longer than the data left");
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  /// A string that must be UTF-8 (everything Clove's strings hold).
  std::string_view text() {
    std::string_view s = raw_str();
    if (opts_.trusted) return s;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    for (size_t i = 0; i < s.size();) {
      if (p[i] < 0x80) {  // ASCII, most of any text
        ++i;
        continue;
      }
      utf8proc_int32_t cp;
      utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
      if (n <= 0) corrupt("a string that is not UTF-8");
      i += static_cast<size_t>(n);
    }
    return s;
  }
  /// An integer written as its decimal digits, '-' first when negative.
  void integer(Mpz& z, const char* what) {
    std::string_view digits = raw_str();
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.remove_prefix(1);
    if (digits.empty() || !parse_integer_digits(digits, 10, z.v)) corrupt(what);
    if (neg) mpz_neg(z.v, z.v);
  }
  void header() {
    if (in_.size() < kHeaderSize || std::memcmp(in_.data(), kMagic, sizeof kMagic) != 0)
      corrupt("not marshalled Clove data (no CLVM header)");
    pos_ = sizeof kMagic;
    version_ = byte();
    if (version_ < kOldestMarshalVersion || version_ > kMarshalVersion)
      corrupt(fmt::format("format version {} (this Clove reads versions {} to {})", version_, kOldestMarshalVersion,
                          kMarshalVersion));
    if (byte() != sizeof(Value) || byte() != sizeof(Instr)) corrupt("data written for other value sizes");
    byte();  // reserved
    unsigned bc = byte();
    bc |= static_cast<unsigned>(byte()) << 8;
    if (bc < kOldestBytecodeVersion || bc > kBytecodeVersion)
      corrupt(fmt::format("bytecode version {} (this Clove runs versions {} to {})", bc, kOldestBytecodeVersion,
                          kBytecodeVersion));
  }

  // ---- the object table ----
  uint32_t reserve() {
    table_.push_back(Value::nil());
    filled_.push_back(0);
    return static_cast<uint32_t>(table_.size() - 1);
  }
  Value fill(uint32_t id, Value v) {
    table_[id] = v;
    filled_[id] = 1;
    return v;
  }
  /// Keeps v rooted while an object that will hold it is not made yet.
  void hold(Value v) { pending_.push_back(v); }

  // ---- checked values ----
  Value meta() {
    Value m = value();
    if (!m.is_nil() && !is_map(m)) corrupt("metadata that is not a map");
    return m;
  }
  template <class T>
  T* obj(const char* what) {
    Value v = value();
    T* o = as<T>(v);
    if (!o) corrupt(fmt::format("{} expected", what));
    return o;
  }
  template <class T>
  T* obj_or_null(const char* what) {
    Value v = value();
    if (v.is_nil()) return nullptr;
    T* o = as<T>(v);
    if (!o) corrupt(fmt::format("{} or nil expected", what));
    return o;
  }
  Value seq_or_nil(Value v) {
    if (!v.is_nil() && !is_seq(v)) corrupt("a seq cell continued by a value that is not a seq");
    return v;
  }
  /// Reads n values into pending_ (rooted); returns the index of the first.
  size_t values(size_t n) {
    size_t start = pending_.size();
    if (n <= 32) {
      // Slots first (nil until read; a nested read pushes above them and pops back),
      // so each element is a store, not a push that may grow the stack. Only for a few:
      // slots made for a count the data claims but does not hold, at every level of a
      // deep nest, would be memory the input never paid for.
      pending_.resize(start + n, Value::nil());
      for (size_t i = 0; i < n; ++i) pending_[start + i] = value();  // value() runs first (C++17)
      return start;
    }
    for (size_t i = 0; i < n; ++i) {
      Value v = value();
      pending_.push_back(v);
    }
    return start;
  }
  /// Reads a file name and appends its source registry id to the file table.
  void add_file();
  SourcePos file_pos();
  /// Runs the bytecode verifier on f and the FnProtos in its constants (unless the
  /// options trust the data).
  void verify(const FnProto* f) {
    if (opts_.trusted) return;
    if (std::string err = verify_fn_proto(*f); !err.empty()) corrupt("bytecode that fails verification: " + err);
  }

  Value value();
  Value object(Tag tag);
  Value spine();
  FnProto* fn_proto(uint32_t id);
  Proto* proto();
  void body(Proto* p);
  void body_table();
  RecordType* record_type(uint32_t id, bool ifaces);
  /// Reads the interface names and methods of a kRecordTypeIfaces/kReifyIfaces into `out`.
  void interfaces(Interfaces& out);
  Value fiber(uint32_t id);
};

void Reader::add_file() {
  std::string name(text());
  uint32_t id = vm_.sources.find(name);
  if (id == 0)
    id = vm_.sources.add_static(name, opts_.static_source_text ? opts_.static_source_text(name) : std::string_view());
  files_.push_back(id);
}

SourcePos Reader::file_pos() {
  // A body names only files of the body table; the value may name a new one.
  uint32_t idx = u32var(files_.size() + (image_ ? 0 : 1), "a file number");
  if (idx == 0) return {};
  if (idx == files_.size() + 1) add_file();
  SourcePos p;
  p.file = files_[idx - 1];
  p.line = u32var(UINT32_MAX, "a line");
  p.col = u32var(UINT32_MAX, "a column");
  return p;
}

Value Reader::value() {
  uint8_t tag = byte();
  switch (tag) {
    case kNil: return Value::nil();
    case kFalse: return Value::f();
    case kTrue: return Value::t();
    case kInt: return make_long(heap(), svar());
    case kDouble: return Value::from_double(std::bit_cast<double>(fixed<uint64_t>()));
    case kFloat: return make_float(heap(), std::bit_cast<float>(fixed<uint32_t>()));
    case kChar: {
      uint64_t cp = uvar();
      if (cp > 0x10FFFF) corrupt("a character beyond U+10FFFF");
      return Value::character(static_cast<uint32_t>(cp));
    }
    case kRef: {
      uint64_t id = uvar();
      if (id >= table_.size()) corrupt(fmt::format("a reference to object {} of {}", id, table_.size()));
      if (!filled_[id]) corrupt(fmt::format("a reference to object {}, which is not complete", id));
      return table_[id];
    }
    case kDeferred: {
      // Only the core image defers values (var metadata), and it is read lazily: any
      // other data has no use for one (marshal.md, "Deferred bodies").
      uint64_t n = uvar();
      if (image_ || !lazy_ || !(opts_.trusted && opts_.lazy_bodies)) corrupt("a deferred value outside the core image");
      if (n != sections_) corrupt("deferred values out of order");
      ++sections_;
      return Value::internal(n);
    }
    case kExport: {
      uint64_t n = uvar();
      if (!image_) corrupt("an export reference outside a deferred body");
      if (n >= image_->exports.size()) corrupt(fmt::format("export {} of {}", n, image_->exports.size()));
      return image_->exports[n];
    }
    default:
      break;
  }
  if (tag < kFirstObject || tag >= kTagCount) corrupt(fmt::format("unknown tag {}", tag));
  check_native_stack();
  return object(static_cast<Tag>(tag));
}

Value Reader::object(Tag tag) {
  if (tag == kSpine) return spine();
  uint32_t id = reserve();
  size_t mark = pending_.size();
  struct PopPending {
    std::vector<Value, TableAllocator<Value>>& p;
    size_t mark;
    ~PopPending() { p.resize(mark); }
  } pop{pending_, mark};
  switch (tag) {
    case kString: return fill(id, string_value(heap(), text()));
    case kSymbol: {
      std::string_view ns = text(), name = text();
      if (name.empty()) corrupt("a symbol without a name");
      Symbol* s = vm_.names.symbol(ns, name);
      Value m = meta();
      return fill(id, m.is_nil() ? Value::object(s) : with_meta(vm_, Value::object(s), m));
    }
    case kKeyword: {
      std::string_view ns = text(), name = text();
      if (name.empty()) corrupt("a keyword without a name");
      return fill(id, Value::object(vm_.names.keyword(ns, name)));
    }
    case kSymbolEmptyNs: {  // (symbol "" name): any name, "" too, as the JVM allows
      Symbol* s = vm_.names.symbol_empty_ns(text());
      Value m = meta();
      return fill(id, m.is_nil() ? Value::object(s) : with_meta(vm_, Value::object(s), m));
    }
    case kKeywordEmptyNs: return fill(id, Value::object(vm_.names.keyword_empty_ns(text())));
    case kBigInt: {
      Mpz z;
      integer(z, "a malformed big integer");
      return fill(id, make_bigint(heap(), z.v));
    }
    case kRatio: {
      Mpz num, den;
      integer(num, "a malformed ratio");
      integer(den, "a malformed ratio");
      if (mpz_sgn(den.v) <= 0) corrupt("a ratio whose denominator is not positive");
      return fill(id, make_ratio(heap(), num.v, den.v, true));
    }
    case kBigDecimal: {
      Mpz z;
      integer(z, "a malformed big decimal");
      int64_t scale = svar();
      if (scale < INT32_MIN || scale > INT32_MAX) corrupt("a big decimal scale out of range");
      return fill(id, make_bigdecimal(heap(), z.v, static_cast<int32_t>(scale)));
    }
    case kEmptyList: return fill(id, empty_list(heap(), meta()));
    case kVector: {
      uint32_t n = count();
      // Every full leaf but the last 1..32 elements is made as soon as its 32 elements
      // are read, so the pending stack holds a leaf per 32 elements instead of every
      // element: the core image's var table (5,800 elements) took 45 KiB of it, and
      // its page faults, at every start.
      size_t at = pending_.size();
      uint32_t nleaves = 0, left = n;
      while (left > 32) {
        size_t chunk = values(32);
        Value leaf = vector_leaf(heap(), pending_.data() + chunk);
        pending_.resize(chunk);
        pending_.push_back(leaf);
        ++nleaves;
        left -= 32;
      }
      size_t tail = values(left);
      Value v = n == 0 ? empty_vector(heap())
                       : vector_from_leaves(heap(), pending_.data() + at, nleaves, pending_.data() + tail, left);
      Value m = meta();
      return fill(id, m.is_nil() ? v : with_meta(vm_, v, m));
    }
    case kSubVector: {
      Vector* vec = obj<Vector>("a subvec's vector");
      hold(Value::object(vec));
      uint32_t start = u32var(vec->cnt, "a subvec's start");
      uint32_t end = u32var(vec->cnt, "a subvec's end");
      if (start >= end) corrupt("an empty subvec");
      Value m = meta();
      return fill(id, Value::object(heap().make<SubVector>(vec, start, end, m)));
    }
    case kMapEntry: {
      size_t at = values(2);
      return fill(id, map_entry(heap(), pending_[at], pending_[at + 1]));
    }
    case kArrayMap:
    case kHashMap: {
      uint32_t n = count(2);
      size_t at = values(2 * static_cast<size_t>(n));
      Value m = meta();
      if (tag == kHashMap) return fill(id, hash_map_from(vm_, pending_.data() + at, n, m));
      Value v = map_from(vm_, pending_.data() + at, n);
      return fill(id, m.is_nil() ? v : with_meta(vm_, v, m));
    }
    case kHashSet: {
      uint32_t n = count();
      size_t at = values(n);
      Value v = set_from(vm_, pending_.data() + at, n);
      Value m = meta();
      return fill(id, m.is_nil() ? v : with_meta(vm_, v, m));
    }
    case kSortedMap:
    case kSortedSet: {
      Value comp = value();
      pending_.push_back(comp);
      bool is_map_ = tag == kSortedMap;
      uint32_t n = count(is_map_ ? 2 : 1);
      size_t at = values(is_map_ ? 2 * static_cast<size_t>(n) : n);
      Value m = meta();
      pending_.push_back(m);
      size_t acc = pending_.size();
      pending_.push_back(is_map_ ? empty_sorted_map(heap(), comp, m) : empty_sorted_set(heap(), comp, m));
      for (uint32_t i = 0; i < n; ++i) {
        Value c = pending_[acc];
        pending_[acc] = is_map_ ? sorted_map_assoc(vm_, as<SortedMap>(c), pending_[at + 2 * i], pending_[at + 2 * i + 1])
                                : sorted_set_conj(vm_, as<SortedSet>(c), pending_[at + i]);
      }
      return fill(id, pending_[acc]);
    }
    case kQueue: {
      uint32_t n = count();
      size_t at = values(n);
      Value m = meta();
      size_t acc = pending_.size();
      pending_.push_back(empty_queue(heap(), m));
      for (uint32_t i = 0; i < n; ++i) pending_[acc] = queue_conj(vm_, as<Queue>(pending_[acc]), pending_[at + i]);
      return fill(id, pending_[acc]);
    }
    case kRange: {
      int64_t start = svar(), step = svar();
      uint64_t n = uvar();
      int64_t last;
      if (step == 0 || n == 0 || n > INT64_MAX ||
          __builtin_mul_overflow(static_cast<int64_t>(n - 1), step, &last) ||
          __builtin_add_overflow(start, last, &last))
        corrupt("a malformed range");
      Value r = make_range(heap(), start, step, static_cast<int64_t>(n));
      Value m = meta();
      return fill(id, m.is_nil() ? r : with_meta(vm_, r, m));
    }
    case kTagged: {
      size_t at = values(2);
      if (!is<Symbol>(pending_[at])) corrupt("a tagged literal whose tag is not a symbol");
      return fill(id, Value::object(heap().make<TaggedLiteral>(pending_[at], pending_[at + 1])));
    }
    case kReaderConditional: {
      uint8_t splicing = byte();
      if (splicing > 1) corrupt("a reader conditional's splicing flag that is not 0 or 1");
      size_t at = values(1);
      return fill(id, Value::object(heap().make<ReaderConditional>(pending_[at], splicing == 1)));
    }
    case kUuid: {
      uint64_t msb = fixed<uint64_t>(), lsb = fixed<uint64_t>();
      return fill(id, Value::object(heap().make<Uuid>(msb, lsb)));
    }
    case kInst: return fill(id, Value::object(heap().make<Inst>(svar())));
    case kRegex: {
      String* src = make_string(heap(), text());
      pending_.push_back(Value::object(src));
      Regex* re = nullptr;
      try {
        re = make_regex(heap(), src);
      } catch (const CloveError& e) {
        if (e.kind != ErrorKind::PatternSyntaxException) throw;
        corrupt("a regex that does not compile");
      }
      return fill(id, Value::object(re));
    }
    case kAtom: {
      Atom* a = heap().make<Atom>(Value::nil());
      fill(id, Value::object(a));
      a->val = value();
      heap().barrier(a, a->val);
      a->validator = value();
      heap().barrier(a, a->validator);
      a->watches = value();
      if (!a->watches.is_nil() && !is_map(a->watches)) corrupt("an atom's watches that are not a map");
      heap().barrier(a, a->watches);
      a->meta = meta();
      heap().barrier(a, a->meta);
      return Value::object(a);
    }
    case kVolatile: {
      Volatile* v = heap().make<Volatile>(Value::nil());
      fill(id, Value::object(v));
      v->val = value();
      heap().barrier(v, v->val);
      return Value::object(v);
    }
    case kDelay: {
      Delay* d = heap().make<Delay>(Value::nil());
      fill(id, Value::object(d));
      d->fn = value();
      heap().barrier(d, d->fn);
      d->val = value();
      heap().barrier(d, d->val);
      d->exception = value();
      if (!d->exception.is_nil() && !is<Exception>(d->exception)) corrupt("a delay whose exception is not one");
      heap().barrier(d, d->exception);
      return Value::object(d);
    }
    case kLazySeq: {
      LazySeq* ls = heap().make<LazySeq>(Value::nil());
      fill(id, Value::object(ls));
      Value fn = value();
      if (fn.is_nil()) corrupt("an unrealized lazy seq without a function");
      ls->fn = fn;
      heap().barrier(ls, fn);
      ls->meta = meta();
      heap().barrier(ls, ls->meta);
      return Value::object(ls);
    }
    case kVar: {
      std::string_view ns = text(), name = text();
      if (ns.empty() || name.empty()) corrupt("a var without a namespace or name");
      // Vars come in runs of one namespace (an image lists each namespace's own vars):
      // the last one found is looked up again only when the name changes.
      if (ns != last_ns_name_ || !last_ns_) {
        last_ns_ = vm_.find_or_create_ns(vm_.names.symbol({}, ns));
        last_ns_name_ = ns;
      }
      return fill(id, Value::object(vm_.intern(last_ns_, vm_.names.symbol({}, name))));
    }
    case kClass: {
      std::string_view name = text();
      Value c = opts_.trusted ? class_named_trusted(vm_, name) : class_named(vm_, name);
      if (c.is_nil()) corrupt(fmt::format("no class named {} in this VM", name));
      return fill(id, c);
    }
    case kNamespace: {
      std::string_view name = text();
      if (name.empty()) corrupt("a namespace without a name");
      return fill(id, Value::object(vm_.find_or_create_ns(vm_.names.symbol({}, name))));
    }
    case kFnProto: return Value::object(fn_proto(id));
    case kClosure: {
      FnProto* f = obj<FnProto>("a function prototype");
      if (fn_depth_ > 0) verify(f);  // inside a constant pool: it could run (a comparator) before the pool's owner is checked
      Closure* c = make_closure(heap(), f, static_cast<uint32_t>(f->upvals.size()));
      fill(id, Value::object(c));
      c->meta = meta();
      heap().barrier(c, c->meta);
      if (uvar() != c->nupvals) corrupt("a closure whose upvalue count differs from its prototype's");
      for (uint32_t i = 0; i < c->nupvals; ++i) {
        c->upvals()[i] = value();
        heap().barrier(c, c->upvals()[i]);
      }
      return Value::object(c);
    }
    case kNative: {
      std::string_view name = text();
      Obj* found = vm_.find_native(name);
      if (!found) corrupt(fmt::format("no native named {} in this VM", name));
      Value n = Value::object(found);
      Value m = meta();
      return fill(id, m.is_nil() ? n : with_meta(vm_, n, m));
    }
    case kMultiFn: {
      String* name = make_string(heap(), text());
      MultiFn* mf = make_multifn(vm_, name, Value::nil(), Value::nil(), nullptr);
      fill(id, Value::object(mf));
      mf->dispatch_fn = value();
      mf->default_val = value();
      mf->hierarchy = obj<Var>("a hierarchy var");
      mf->method_table = value();
      mf->prefer_table = value();
      if (!is_map(mf->method_table) || !is_map(mf->prefer_table)) corrupt("a multimethod whose tables are not maps");
      heap().touch(mf);
      return Value::object(mf);
    }
    case kProtocol: {
      Protocol* p = heap().make<Protocol>(nullptr, nullptr);
      fill(id, Value::object(p));
      p->name = obj<Symbol>("a protocol name");
      p->var = obj<Var>("a protocol var");
      uint32_t n = count();
      for (uint32_t i = 0; i < n; ++i) p->methods.push_back(obj<Keyword>("a protocol method keyword"));
      p->doc = value();
      uint32_t ni = count(2);
      for (uint32_t i = 0; i < ni; ++i) {
        Value cls = value();
        // Data written before classes were objects names a built-in class by symbol.
        if (Value c = is<Symbol>(cls) ? canonical_class(vm_, cls) : Value::nil(); !c.is_nil()) cls = c;
        pending_.push_back(cls);
        Value fns = value();
        if (!fns.is_nil() && !is<Vector>(fns)) corrupt("protocol methods that are not a vector");
        p->impls.push_back({cls, fns});
      }
      heap().touch(p);
      return Value::object(p);
    }
    case kRecordType:
    case kRecordTypeIfaces: return Value::object(record_type(id, tag == kRecordTypeIfaces));
    case kRecord:
    case kTypeInstance: {
      RecordType* rt = obj<RecordType>("a record type");
      if ((tag == kRecord) != rt->is_record || rt->host) corrupt("an instance of the wrong kind of type");
      uint32_t n = count();
      if (n != rt->fields.size()) corrupt("an instance whose field count differs from its type's");
      size_t at = values(n);
      Value ext = tag == kRecord ? value() : Value::nil();
      if (!ext.is_nil() && !is_map(ext)) corrupt("a record's extra keys that are not a map");
      pending_.push_back(ext);
      Value m = meta();
      if (tag == kRecord) return fill(id, make_instance(vm_, rt, pending_.data() + at, n, m, ext));
      return fill(id, make_instance(vm_, rt, pending_.data() + at, n, m));
    }
    case kReify:
    case kReifyIfaces: {
      Reify* r = heap().make<Reify>();
      fill(id, Value::object(r));
      uint32_t n = count(2);
      for (uint32_t i = 0; i < n; ++i) {
        r->protocols.push_back(Value::object(obj<Protocol>("a protocol")));
        Value fns = value();
        if (!fns.is_nil() && !is<Vector>(fns)) corrupt("reify methods that are not a vector");
        r->fns.push_back(fns);
      }
      r->to_string = value();
      r->meta = meta();
      if (tag == kReifyIfaces) interfaces(r->ifaces);
      heap().touch(r);
      return Value::object(r);
    }
    case kException: {
      uint64_t kind = uvar();
      if (kind >= static_cast<uint64_t>(ErrorKind::kCount)) corrupt("an unknown exception class");
      String* msg = obj_or_null<String>("a message string");
      Exception* e = heap().make<Exception>(static_cast<ErrorKind>(kind), msg);
      hold(Value::object(e));
      e->data = value();
      e->cause = value();
      uint32_t n = count(2);
      if (n > Exception::kMaxTrace) corrupt("a stack trace too long");
      for (uint32_t i = 0; i < n; ++i) {
        String* fn = obj_or_null<String>("a function name");
        e->frames.push_back({fn, file_pos()});
      }
      heap().touch(e);
      return fill(id, Value::object(e));
    }
    case kStringBuilder: {
      auto* w = heap().make<TextWriter>(std::string(text()));
      fill(id, Value::object(w));
      writer_recount(heap(), w);
      return Value::object(w);
    }
    case kFiber: return fiber(id);
    case kVectorSeq: {
      Vector* vec = obj<Vector>("a vector seq's vector");
      pending_.push_back(Value::object(vec));
      uint32_t i = u32var(vec->cnt ? vec->cnt - 1 : 0, "a vector seq's index");
      if (i >= vec->cnt) corrupt("a vector seq past its vector's end");
      Value m = meta();
      Value s = vector_seq(heap(), vec, i);
      if (!m.is_nil()) static_cast<VectorSeq*>(s.as_obj())->meta = m;
      return fill(id, s);
    }
    case kArrayChunk: {
      uint32_t n = count();
      size_t at = values(n);
      return fill(id, Value::object(array_chunk_copy(heap(), pending_.data() + at, n)));
    }
    case kChunkBuffer: {
      uint64_t cap = uvar();
      if (cap > kMaxChunkCapacity) corrupt("a chunk buffer larger than any chunk");
      ChunkBuffer* b = chunk_buffer(heap(), static_cast<int64_t>(cap));
      fill(id, Value::object(b));
      uint8_t sealed = byte();
      if (sealed > 1) corrupt("a chunk buffer neither sealed nor open");
      uint32_t n = count();
      if (n > b->capacity) corrupt("a chunk buffer holding more than its capacity");
      for (uint32_t i = 0; i < n; ++i) chunk_append(heap(), b, value());
      b->sealed = sealed != 0;
      return Value::object(b);
    }
    case kArray: {
      uint8_t kind = byte();
      if (kind > static_cast<uint8_t>(ArrayKind::Boolean)) corrupt("an unknown array kind");
      Value component = value();
      pending_.push_back(component);
      uint32_t n = count();
      JavaArray* a = make_java_array(vm_, static_cast<ArrayKind>(kind), n, component);
      fill(id, Value::object(a));
      for (uint32_t i = 0; i < n; ++i) {
        Value x = value();
        bool ok = true;
        switch (a->kind) {
          case ArrayKind::Object: break;
          case ArrayKind::Double: ok = x.is_double(); break;
          case ArrayKind::Float: ok = is_floating(x); break;  // a Float, or a double (older data)
          case ArrayKind::Char: ok = x.is_char(); break;
          case ArrayKind::Boolean: ok = x.is_bool(); break;
          default: ok = is_long(x); break;
        }
        if (!ok) corrupt("an array element of the wrong kind");
        array_store_raw(heap(), a, i, x);
      }
      return Value::object(a);
    }
    default:
      corrupt(fmt::format("unknown tag {}", static_cast<int>(tag)));
  }
}

Value Reader::spine() {
  uint32_t n = count(2);
  if (n == 0) corrupt("an empty seq spine");
  uint32_t base = static_cast<uint32_t>(table_.size());
  for (uint32_t i = 0; i < n; ++i) reserve();
  Value next = value();
  size_t mark = pending_.size();
  pending_.push_back(next);
  for (uint32_t k = n; k-- > 0;) {
    uint8_t kind = byte();
    Value m = meta();
    pending_.push_back(m);
    Value cell;
    switch (kind) {
      case kSpineList: {
        int64_t len = 1;
        if (!next.is_nil()) {
          List* rest = as<List>(next);
          if (!rest) corrupt("a list cell continued by a value that is not a list");
          len = rest->count + 1;
        }
        Value x = value();
        cell = Value::object(heap().make<List>(x, next, len, m));
        break;
      }
      case kSpineCons: {
        seq_or_nil(next);
        Value x = value();
        cell = Value::object(heap().make<Cons>(x, next, m));
        break;
      }
      case kSpineChunked: {
        seq_or_nil(next);
        uint32_t c = count();
        if (c == 0) corrupt("an empty chunk");
        size_t at = values(c);
        ArrayChunk* chunk = array_chunk_copy(heap(), pending_.data() + at, c);
        cell = Value::object(heap().make<ChunkedCons>(chunk, 0, next, m));
        break;
      }
      case kSpineLazy: {
        seq_or_nil(next);
        LazySeq* ls = heap().make<LazySeq>(Value::nil(), m);
        ls->realized = true;
        ls->s = next;
        cell = Value::object(ls);
        break;
      }
      default:
        corrupt(fmt::format("unknown seq cell kind {}", kind));
    }
    fill(base + k, cell);
    next = cell;
    pending_.resize(mark);
    pending_.push_back(next);
  }
  pending_.resize(mark);
  return next;
}

/// A fiber (marshal_write.cpp's fiber()). A suspended one's frames are checked as the
/// dispatch loop will use them when it is resumed: every frame below the innermost runs
/// a closure arity or is a native waiting in call_then (as many arguments as it takes,
/// a registered continuation); each return pc follows a CALL or TAILCALL of the frame
/// below whose register A puts the frame above where it is (or a FIRST, NEXT, COUNT or
/// NTH, or a CALL in a function with spill slots, with the frame above the caller's
/// whole frame), and a frame above a waiting
/// native returns into its continuation; the innermost frame is the native the fiber
/// yielded from, or a closure with its pc inside its code when the budget paused it;
/// handlers name a closure frame, a pc inside its code and a register inside its frame;
/// bound vars are dynamic. The stack is built only once all of it is read and checked.
Value Reader::fiber(uint32_t id) {
  Fiber* f = heap().make<Fiber>(&heap());
  fill(id, Value::object(f));
  uint8_t status = byte();
  const uint8_t pending_status = static_cast<uint8_t>(FiberStatus::Pending);
  const uint8_t flags = status & (kBudgetPaused | kHasBindings | kWaitsForChild);
  status &= static_cast<uint8_t>(~flags);
  if (flags && status != pending_status) corrupt("a fiber with an impossible status");
  const bool budget = flags & kBudgetPaused;
  const bool bound = flags & kHasBindings;
  const bool waits_child = flags & kWaitsForChild;
  if (waits_child && !budget) corrupt("a fiber waiting for another that the budget did not pause");
  if (status != static_cast<uint8_t>(FiberStatus::New) && status != static_cast<uint8_t>(FiberStatus::Pending) &&
      status != static_cast<uint8_t>(FiberStatus::Dead) && status != static_cast<uint8_t>(FiberStatus::Error))
    corrupt("a fiber with an impossible status");
  uint8_t mask = byte();
  if (mask > 15 || !(mask & fiber_mask::kYield)) corrupt("a fiber with an impossible mask");
  f->mask = mask;
  f->fn = value();
  heap().barrier(f, f->fn);
  f->value = value();
  heap().barrier(f, f->value);
  if (status == static_cast<uint8_t>(FiberStatus::New) && f->fn.is_nil()) corrupt("a new fiber without a function");
  if (status != static_cast<uint8_t>(FiberStatus::Pending)) {
    f->status = static_cast<FiberStatus>(status);
    return Value::object(f);
  }
  struct Frame {
    size_t base, nregs, first_reg;  // first_reg: index of its registers in pending_
    Proto* proto;                    // null for a native's frame
    uint32_t arity;
    uint64_t ret;  // the pc of the frame below to go on at; 0 for the first frame
    bool waits;    // a native waiting in call_then: its last slots are k, unwind, context
  };
  std::vector<Frame> frames;
  uint32_t n = count(4);
  if (n == 0) corrupt("a suspended fiber without frames");
  size_t base = Fiber::kFirstBase;
  size_t callees = pending_.size();
  for (uint32_t k = 0; k < n; ++k) pending_.push_back(Value::nil());
  for (uint32_t k = 0; k < n; ++k) {
    bool innermost = k + 1 == n;
    Value callee = value();
    pending_[callees + k] = callee;
    uint32_t arity = u32var(kVariadicArity, "an arity");
    uint64_t ret = uvar();
    uint32_t nregs = count();
    Proto* p = nullptr;
    const bool waits = !innermost && is<Native>(callee);
    if (waits) {
      if (nregs < kContinueSlots) corrupt("a waiting native's frame without its continuation");
      // Its continuation reads its arguments as the native does: as many as it takes.
      const Native* nf = as<Native>(callee);
      const int64_t nargs = static_cast<int64_t>(nregs - kContinueSlots);
      if (nargs < nf->min_args || (nf->max_args >= 0 && nargs > nf->max_args))
        corrupt("a waiting native's frame with a number of arguments it does not take");
    } else if (!innermost || (budget && !waits_child)) {
      Closure* c = as<Closure>(callee);
      if (!c) corrupt("a suspended fiber's frame that does not run a closure");
      if (arity == kVariadicArity ? !c->fn->variadic : arity >= c->fn->fixed.size())
        corrupt("a suspended fiber's frame with an arity its function lacks");
      p = arity_proto(c->fn, arity);
      if (nregs > p->framesize) corrupt("a suspended fiber's frame larger than its function's");
    } else if (!is<Native>(callee)) {
      corrupt("a suspended fiber that did not stop in a native");
    }
    if (k == 0) {
      if (ret != 0) corrupt("a fiber's first frame with a return pc");
    } else if (frames.back().waits) {
      if (ret != 0) corrupt("a return pc into a native");
      ret = Fiber::kContinue;
    } else {
      const Frame& below = frames.back();
      const std::vector<Instr>& code = below.proto->code;
      if (ret == 0 || ret > code.size()) corrupt("a return pc outside its function");
      Instr call = code[ret - 1];
      // A CALL or TAILCALL puts the callee's frame at its register A; FIRST, NEXT, COUNT,
      // NTH, NTHD, NTHI (a lazy seq's walk), LEAFCALL (a var no longer holding a leaf)
      // and CALL1 call out of line, above the caller's whole frame.
      const Op op = op_of(call);
      // In a function with spill slots (a frame over 256 registers), CALL starts the
      // callee's frame above the caller's last slot instead (dispatch_loop.inc).
      const bool spills = below.proto->framesize > static_cast<uint32_t>(kMaxRegisters);
      const bool by_call = (op == Op::CALL || op == Op::TAILCALL) &&
                           (spills ? op == Op::CALL && below.nregs == below.proto->framesize
                                   : arg_a(call) == below.nregs);
      const bool out_of_line = (op == Op::FIRST || op == Op::NEXT || op == Op::COUNT || op == Op::NTH ||
                                op == Op::NTHD || op == Op::NTHI || op == Op::LEAFCALL || op == Op::CALL1) &&
                               below.nregs == below.proto->framesize;
      if (!by_call && !out_of_line) corrupt("a return pc that does not follow the call that made the frame");
    }
    size_t first = pending_.size();
    if (waits) {
      for (uint32_t r = 0; r + kContinueSlots < nregs; ++r) pending_.push_back(value());
      NativeCont cont = continuation_named(text());
      if (!cont) corrupt("a waiting native's continuation that has no such name");
      std::string_view uname = text();
      NativeUnwind unwind = uname.empty() ? nullptr : unwind_named(uname);
      if (!uname.empty() && !unwind) corrupt("a waiting native's unwind hook that has no such name");
      pending_.push_back(Value::internal(reinterpret_cast<uint64_t>(cont)));
      pending_.push_back(Value::internal(reinterpret_cast<uint64_t>(unwind)));
      pending_.push_back(value());
    } else {
      for (uint32_t r = 0; r < nregs; ++r) pending_.push_back(value());
    }
    frames.push_back({base, nregs, first, p, arity, ret, waits});
    if (!innermost) base += nregs + kCallHeader;
    if (innermost && budget && !waits_child && nregs != p->framesize) corrupt("a budget-paused fiber's frame smaller than its function's");
    if (base > kMaxFrameSlots * size_t{1024}) corrupt("a suspended fiber's stack too deep");
  }
  // Handlers: the dispatch loop jumps to catch_pc in the frame at frame_base.
  uint32_t nh = count(3);
  std::vector<Handler> handlers;
  for (uint32_t i = 0; i < nh; ++i) {
    uint32_t k = u32var(n - 1, "a handler's frame");
    uint32_t catch_pc = u32var(UINT32_MAX, "a handler's pc");
    uint32_t reg = u32var(255, "a handler's register");
    const Frame& fr = frames[k];
    if (!fr.proto || catch_pc >= fr.proto->code.size() || reg >= fr.proto->framesize)
      corrupt("a try handler outside its frame");
    handlers.push_back({fr.base, catch_pc, k + 1, static_cast<uint8_t>(reg)});
  }
  // A fiber paused by the budget goes on at a pc of its innermost closure.
  uint32_t pc = 0;
  if (budget && !waits_child) {
    const std::vector<Instr>& code = frames.back().proto->code;
    if (code.empty()) corrupt("a budget-paused fiber in a function without code");
    pc = u32var(static_cast<uint32_t>(code.size() - 1), "a budget-paused fiber's pc");
  }
  // Dynamic bindings: frames, each a marker (nil) then dynamic vars with their values.
  std::vector<Var*> bound_vars;
  size_t bound_values = pending_.size();
  if (bound) {
    uint32_t nb = count(2);
    if (nb == 0) corrupt("a fiber's empty bindings");
    for (uint32_t k = 0; k < nb; ++k) {
      Value var = value();
      pending_.push_back(value());
      if (var.is_nil()) {
        bound_vars.push_back(nullptr);
        continue;
      }
      Var* dv = as<Var>(var);
      if (!dv) corrupt("a fiber's binding of something that is not a var");
      if (k == 0) corrupt("a fiber's bindings that do not start with a frame");
      if (!dv->is_dynamic()) corrupt("a fiber's binding of a var that is not dynamic here");
      bound_vars.push_back(dv);
    }
  }
  // The fiber this one waits for in a budget-paused chain: paused by the budget too, in
  // no other chain, and read before this fiber counts as pending, so a chain that
  // loops back to it is refused (the dispatch loop walks child links to the innermost).
  Fiber* child = nullptr;
  if (waits_child) {
    child = as<Fiber>(value());
    if (!child || child == f || child->status != FiberStatus::Pending || child->paused_by != Fiber::Pause::Budget ||
        child->resumer)
      corrupt("a budget-paused chain whose next fiber is not a fiber paused with it");
  }
  // Build the stack: every closure frame gets its whole framesize (load_frame's top).
  const Frame& inner = frames.back();
  size_t need = inner.base + inner.nregs;
  for (const Frame& fr : frames)
    if (fr.proto) need = std::max(need, fr.base + fr.proto->framesize);
  f->ensure(0, std::max<size_t>(need + 1, Fiber::kInitialSlots));
  size_t prev = 0;
  for (uint32_t k = 0; k < n; ++k) {
    const Frame& fr = frames[k];
    Value* S = f->stack.data();
    S[fr.base - 3] = pending_[callees + k];
    S[fr.base - 2] = make_link(prev, fr.arity);
    uint64_t ret = k == 0 ? Fiber::kFiberBase : fr.ret;
    if (ret < Fiber::kFiberBase) ret = return_address(frames[k - 1].proto, static_cast<uint32_t>(ret));
    S[fr.base - 1] = Value::internal(ret);
    for (size_t r = 0; r < fr.nregs; ++r) S[fr.base + r] = pending_[fr.first_reg + r];
    prev = fr.base;
  }
  f->handlers = std::move(handlers);
  f->base = inner.base;
  f->top = inner.base + inner.nregs;
  f->depth = n;
  f->pc = pc;
  f->status = FiberStatus::Pending;
  f->paused_by = budget ? Fiber::Pause::Budget : Fiber::Pause::Yield;
  if (child) {
    f->child = child;
    child->resumer = f;
    heap().barrier(f, Value::object(child));
    heap().barrier(child, Value::object(f));
  }
  for (size_t k = 0; k < bound_vars.size(); ++k) {
    f->bindings.emplace_back(bound_vars[k], bound_vars[k] ? pending_[bound_values + k] : Value::nil());
    if (bound_vars[k]) ++bound_vars[k]->thread_bound;
  }
  heap().touch(f);
  return Value::object(f);
}

void Reader::interfaces(Interfaces& out) {
  Value names = value();
  Value methods = value();
  if (!names.is_nil() && !is_vector(names)) corrupt("interface names that are not a vector");
  if (!methods.is_nil() && !is_map(methods)) corrupt("interface methods that are not a map");
  for (Value s = seq(vm_, methods); !s.is_nil(); s = next(vm_, s))
    if (!is<Keyword>(nth(vm_, first(vm_, s), 0))) corrupt("an interface method name that is not a keyword");
  implement_interfaces(vm_, out, names, methods);
}

RecordType* Reader::record_type(uint32_t id, bool ifaces) {
  Symbol* name = obj<Symbol>("a type name");
  bool is_rec = byte() != 0;
  // A type the reading VM has defined under the same name, with the same fields, is
  // the same class (as Java's serialization finds a class by name).
  RecordType* existing = nullptr;
  std::string_view full = name->name_view();
  if (size_t dot = full.rfind('.'); dot != std::string_view::npos && !name->ns) {
    Namespace* ns = vm_.find_ns(vm_.names.symbol({}, full.substr(0, dot)));
    Var* var = ns ? ns->lookup(vm_.names.symbol({}, full.substr(dot + 1))) : nullptr;
    existing = var ? as<RecordType>(var->root) : nullptr;
    if (existing && (existing->name != name || existing->is_record != is_rec || existing->host)) existing = nullptr;
  }
  RecordType* t = existing ? existing : heap().make<RecordType>(name, is_rec);
  fill(id, Value::object(t));
  uint32_t n = count();
  std::vector<Keyword*> fields;
  for (uint32_t i = 0; i < n; ++i) fields.push_back(obj<Keyword>("a field keyword"));
  Value field_syms = value();
  Value to_string = value();
  Interfaces read_ifaces;
  if (ifaces) interfaces(read_ifaces);
  if (existing) {
    if (existing->fields != fields) corrupt(fmt::format("type {} has other fields in this VM", full));
    return existing;
  }
  t->fields = std::move(fields);
  t->field_syms = field_syms;
  t->to_string = to_string;
  t->ifaces = std::move(read_ifaces);
  heap().touch(t);
  return t;
}

FnProto* Reader::fn_proto(uint32_t id) {
  FnProto* f = heap().make<FnProto>();
  table_[id] = Value::object(f);  // rooted, not yet complete
  f->name = obj_or_null<String>("a function name");
  f->pos = file_pos();
  uint32_t nup = count(2);
  for (uint32_t i = 0; i < nup; ++i) {
    bool reg = byte() != 0;
    uint32_t index = u32var(UINT16_MAX, "an upvalue index");
    Symbol* name = obj_or_null<Symbol>("an upvalue name");
    f->upvals.push_back({reg, static_cast<uint16_t>(index), name});
  }
  uint32_t nfixed = count(8);
  const size_t deferred_before = deferred_.size();
  ++fn_depth_;
  for (uint32_t i = 0; i < nfixed; ++i) {
    f->add_fixed(proto());
    heap().barrier(f, f->fixed.back());
  }
  if (byte() != 0) {
    f->set_variadic(proto());
    heap().barrier(f, f->variadic);
  }
  --fn_depth_;
  if (deferred_.size() > deferred_before) deferred_owners_.push_back(f);
  heap().touch(f);
  // The verifier checks the FnProtos in the constants too, so the outermost one checks
  // all of them once (a closure made while an enclosing one is still being read checks
  // its own first: kClosure).
  if (fn_depth_ == 0) verify(f);  // deferred arities pass: each is verified once read (body_table)
  filled_[id] = 1;
  return f;
}

Proto* Reader::proto() {
  Proto* p = heap().make<Proto>();
  hold(Value::object(p));
  p->name = obj_or_null<String>("an arity name");
  p->framesize = u32var(kMaxFrameSlots, "a frame size");
  p->nparams = static_cast<uint16_t>(u32var(kMaxCallArgs, "a parameter count"));
  uint8_t flags = byte();
  if (version_ < 3) flags = flags != 0 ? kProtoVariadic : 0;
  if (flags & ~(kProtoVariadic | kProtoDeferred)) corrupt("an arity with unknown flags");
  p->variadic = (flags & kProtoVariadic) != 0;
  if (flags & kProtoDeferred) {
    if (image_ || !lazy_) corrupt("a deferred body inside a deferred body");
    if (u32var(UINT32_MAX, "a body number") != sections_) corrupt("deferred bodies out of order");
    p->body_index = sections_++;
    p->code.assign(1, kDeferredBody);
    p->body_source = lazy_.get();  // a comparator run before the body table fails cleanly (ready)
    deferred_.push_back(p);
    heap().touch(p);
    return p;
  }
  body(p);
  heap().touch(p);
  return p;
}

void Reader::body(Proto* p) {
  p->code.clear();
  uint32_t ncode = count(4);
  p->code.resize(ncode);
  const auto* words = reinterpret_cast<const uint8_t*>(in_.data() + pos_);
  for (uint32_t i = 0; i < ncode; ++i, words += 4)
    p->code[i] = static_cast<Instr>(words[0]) | static_cast<Instr>(words[1]) << 8 |
                 static_cast<Instr>(words[2]) << 16 | static_cast<Instr>(words[3]) << 24;
  pos_ += size_t{4} * ncode;  // count(4) checked that the data holds them
  uint32_t nk = count();
  p->constants.reserve(nk);
  for (uint32_t i = 0; i < nk; ++i) {
    Value k = value();
    p->constants.push_back(k);
    heap().barrier(p, k);
  }
  if (version_ < 2) {  // one position per instruction
    uint32_t npos = count();
    p->positions.reserve(npos);
    for (uint32_t i = 0; i < npos; ++i) p->positions.push_back(file_pos());
  } else if (uint32_t nruns = count(2)) {  // runs of instructions sharing one: (length, position)
    p->positions.reserve(ncode);
    for (uint32_t i = 0; i < nruns; ++i) {
      uint32_t len = u32var(ncode - p->positions.size(), "a run of positions");
      if (len == 0) corrupt("an empty run of positions");
      p->positions.insert(p->positions.end(), len, file_pos());
    }
  }
  uint32_t nlocals = count(4);
  p->locals.reserve(nlocals);  // exactly: a core library's worth of protos stays resident
  for (uint32_t i = 0; i < nlocals; ++i) {
    Symbol* name = obj_or_null<Symbol>("a local's name");
    uint32_t start = u32var(UINT32_MAX, "a pc"), end = u32var(UINT32_MAX, "a pc");
    uint32_t reg = u32var(UINT16_MAX, "a register");
    p->locals.push_back({name, start, end, static_cast<uint16_t>(reg)});
  }
  uint32_t nlive = count(3);
  p->live.reserve(nlive);
  for (uint32_t i = 0; i < nlive; ++i) {
    uint32_t start = u32var(UINT32_MAX, "a pc"), end = u32var(UINT32_MAX, "a pc");
    uint32_t reg = u32var(UINT16_MAX, "a register");
    p->live.push_back({start, end, static_cast<uint16_t>(reg)});
  }
  heap().touch(p);
  size_t bytes = p->vector_bytes();
  heap().add_external(bytes - p->external);
  p->external = bytes;
}

/// After the value: the files the bodies name, the exports, the body offsets and the
/// bodies. With lazy_bodies (and trusted) the deferred Protos keep a LazyBodies that
/// reads each body on its first call; otherwise every body is read and its fn
/// verified now.
void Reader::body_table() {
  LazyBodies* lazy = lazy_.get();
  uint32_t nfiles = count();
  for (uint32_t i = 0; i < nfiles; ++i) add_file();
  lazy->files = files_;
  uint32_t nexports = count();
  lazy->exports.reserve(nexports);
  for (uint32_t i = 0; i < nexports; ++i) {
    uint64_t id = uvar();
    if (id >= table_.size() || !filled_[id]) corrupt(fmt::format("an export of object {} of {}", id, table_.size()));
    lazy->exports.push_back(table_[id]);
  }
  uint32_t nbodies = count(4);
  if (nbodies != sections_) corrupt(fmt::format("{} sections for {} deferred parts", nbodies, sections_));
  lazy->offsets_at = pos_;
  if (left() < (size_t{nbodies} + 1) * 4) corrupt("the data ends early");
  pos_ += (size_t{nbodies} + 1) * 4;
  lazy->bodies_at = pos_;
  uint32_t prev = 0;
  for (uint32_t k = 0; k <= nbodies; ++k) {
    uint32_t at = le32(in_.data() + lazy->offsets_at + 4 * size_t{k});
    if (at < prev || at > left() || (k == 0 && at != 0)) corrupt("a body offset out of order");
    prev = at;
  }
  if (prev != left()) corrupt("bodies that do not end with the data");
  pos_ = in_.size();
  lazy->ready = true;
  if (opts_.trusted && opts_.lazy_bodies) {
    if (opts_.deferred_source) *opts_.deferred_source = lazy;
    vm_.attachments.push_back(std::move(lazy_));
    return;
  }
  for (Proto* p : deferred_) lazy->load_body(vm_, p);
  for (FnProto* f : deferred_owners_) verify(f);
}

std::string_view LazyBodies::section(uint32_t k) const {
  if (!ready)
    throw_error(ErrorKind::IllegalArgumentException, "unmarshal: a fn ran before the body table was read");
  const char* offset = bytes_.data() + offsets_at + 4 * size_t{k};
  uint32_t at = le32(offset), end = le32(offset + 4);  // checked by body_table
  return bytes_.substr(bodies_at + at, end - at);
}

Value LazyBodies::load_value(State& vm, uint32_t k) {
  Reader r(vm, section(k), opts_, this);
  return r.read_value();
}

void LazyBodies::load_body(State& vm, Proto* p) {
  std::string_view bytes = section(p->body_index);
  try {
    Reader r(vm, bytes, opts_, this);
    r.read_body(p);
  } catch (...) {
    // Out of memory under a cap, say: p stays deferred and can be tried again.
    p->code.assign(1, kDeferredBody);
    p->constants.clear();
    p->positions.clear();
    p->locals.clear();
    p->live.clear();
    throw;
  }
  p->body_source = nullptr;
}

}  // namespace

Value unmarshal(State& vm, std::string_view bytes, const UnmarshalOptions& opts) {
  Reader r(vm, bytes, opts);
  return r.run();
}

}  // namespace clove
