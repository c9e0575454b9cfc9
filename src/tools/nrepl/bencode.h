// bencode.h: the bencode encoding nREPL speaks over TCP (nrepl.org, "Building Servers").
//
//   integer     i<decimal>e         i42e, i-3e
//   byte string <length>:<bytes>    4:spam
//   list        l<items>e           l4:spami42ee
//   dictionary  d<key><value>...e   d3:cow3:mooe   (keys are byte strings)
//
// A Decoder takes bytes as they arrive from a socket and hands out whole values; bad
// input is reported (Status::Error with a message), never a crash: nesting deeper than
// kMaxDepth and strings or messages longer than the decoder's limit are errors too.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clove::nrepl {

/// One bencode value. Dictionaries keep their keys sorted (std::map), as bencode
/// requires when encoding.
struct BValue {
  enum class Kind : uint8_t { Int, Str, List, Dict };
  Kind kind = Kind::Str;
  int64_t i = 0;
  std::string s;
  std::vector<BValue> list;
  std::map<std::string, BValue> dict;

  BValue() = default;
  BValue(int64_t n) : kind(Kind::Int), i(n) {}                // NOLINT: implicit on purpose
  BValue(int n) : kind(Kind::Int), i(n) {}                    // NOLINT
  BValue(std::string str) : kind(Kind::Str), s(std::move(str)) {}  // NOLINT
  BValue(const char* str) : kind(Kind::Str), s(str) {}        // NOLINT
  static BValue make_list(std::vector<BValue> items = {});
  static BValue make_dict();

  bool is_str() const { return kind == Kind::Str; }
  bool is_int() const { return kind == Kind::Int; }
  bool is_list() const { return kind == Kind::List; }
  bool is_dict() const { return kind == Kind::Dict; }
  /// Dictionary lookup: the value under key, or null (also when this is not a dict).
  const BValue* get(const std::string& key) const;
  /// The string under key, or `fallback` when missing or not a string.
  std::string get_str(const std::string& key, const std::string& fallback = "") const;
  /// The integer under key (a string of digits counts too), or `fallback`.
  int64_t get_int(const std::string& key, int64_t fallback) const;
  /// Sets key in a dictionary (makes this a dictionary first if it is not one).
  BValue& set(const std::string& key, BValue v);
};

/// The bencoding of v.
std::string encode(const BValue& v);
void encode_to(const BValue& v, std::string* out);

/// Incremental decoder: feed() bytes, then next() until it says NeedMore.
class Decoder {
 public:
  enum class Status : uint8_t { Ok, NeedMore, Error };
  static constexpr int kMaxDepth = 64;
  /// `max_message`: the largest encoded value accepted, in bytes.
  explicit Decoder(size_t max_message = 64u << 20) : max_message_(max_message) {}
  void feed(std::string_view bytes) { buf_.append(bytes); }
  /// Ok: *out holds the next whole value (its bytes are consumed). NeedMore: the
  /// buffered bytes are an incomplete value. Error: they can never be one (*error says
  /// why); the stream cannot be resynchronised after that.
  Status next(BValue* out, std::string* error);
  /// Bytes buffered and not yet decoded.
  size_t buffered() const { return buf_.size() - pos_; }

 private:
  std::string buf_;
  size_t pos_ = 0;
  size_t max_message_;
};

/// Decodes exactly one value from `text` (tests, tools). False on incomplete or bad
/// input or trailing bytes.
bool decode_one(std::string_view text, BValue* out);

}  // namespace clove::nrepl
