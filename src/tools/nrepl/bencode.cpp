// bencode.cpp: encoding and the incremental decoder of bencode.h.
#include "tools/nrepl/bencode.h"

#include <charconv>

namespace clove::nrepl {

BValue BValue::make_list(std::vector<BValue> items) {
  BValue v;
  v.kind = Kind::List;
  v.list = std::move(items);
  return v;
}

BValue BValue::make_dict() {
  BValue v;
  v.kind = Kind::Dict;
  return v;
}

const BValue* BValue::get(const std::string& key) const {
  if (kind != Kind::Dict) return nullptr;
  auto it = dict.find(key);
  return it == dict.end() ? nullptr : &it->second;
}

std::string BValue::get_str(const std::string& key, const std::string& fallback) const {
  const BValue* v = get(key);
  return v && v->is_str() ? v->s : fallback;
}

int64_t BValue::get_int(const std::string& key, int64_t fallback) const {
  const BValue* v = get(key);
  if (!v) return fallback;
  if (v->is_int()) return v->i;
  if (v->is_str()) {
    int64_t n = 0;
    auto [p, ec] = std::from_chars(v->s.data(), v->s.data() + v->s.size(), n);
    if (ec == std::errc() && p == v->s.data() + v->s.size()) return n;
  }
  return fallback;
}

BValue& BValue::set(const std::string& key, BValue v) {
  if (kind != Kind::Dict) *this = make_dict();
  return dict[key] = std::move(v);
}

void encode_to(const BValue& v, std::string* out) {
  switch (v.kind) {
    case BValue::Kind::Int:
      *out += 'i';
      *out += std::to_string(v.i);
      *out += 'e';
      return;
    case BValue::Kind::Str:
      *out += std::to_string(v.s.size());
      *out += ':';
      *out += v.s;
      return;
    case BValue::Kind::List:
      *out += 'l';
      for (const BValue& x : v.list) encode_to(x, out);
      *out += 'e';
      return;
    case BValue::Kind::Dict:
      *out += 'd';
      for (const auto& [k, x] : v.dict) {
        *out += std::to_string(k.size());
        *out += ':';
        *out += k;
        encode_to(x, out);
      }
      *out += 'e';
      return;
  }
}

std::string encode(const BValue& v) {
  std::string out;
  encode_to(v, &out);
  return out;
}

namespace {

/// A recursive-descent parse of one value from text[*pos]: Ok, NeedMore (ran out of
/// bytes) or Error. Depth is bounded by Decoder::kMaxDepth.
class Parser {
 public:
  Parser(std::string_view text, size_t max_len) : t_(text), max_len_(max_len) {}
  Decoder::Status value(size_t* pos, BValue* out, int depth) {
    if (depth > Decoder::kMaxDepth) return fail("nesting deeper than 64 levels");
    if (*pos >= t_.size()) return Decoder::Status::NeedMore;
    char c = t_[*pos];
    if (c == 'i') {
      size_t p = *pos + 1;
      size_t e = t_.find('e', p);
      if (e == std::string_view::npos) return t_.size() - p > 24 ? fail("integer too long") : Decoder::Status::NeedMore;
      int64_t n = 0;
      auto [q, ec] = std::from_chars(t_.data() + p, t_.data() + e, n);
      if (ec != std::errc() || q != t_.data() + e) return fail("malformed integer");
      *out = BValue(n);
      *pos = e + 1;
      return Decoder::Status::Ok;
    }
    if (c >= '0' && c <= '9') {
      size_t colon = t_.find(':', *pos);
      if (colon == std::string_view::npos)
        return t_.size() - *pos > 20 ? fail("string length too long") : Decoder::Status::NeedMore;
      uint64_t len = 0;
      auto [q, ec] = std::from_chars(t_.data() + *pos, t_.data() + colon, len);
      if (ec != std::errc() || q != t_.data() + colon) return fail("malformed string length");
      if (len > max_len_) return fail("string longer than the message limit");
      if (t_.size() - (colon + 1) < len) return Decoder::Status::NeedMore;
      *out = BValue(std::string(t_.substr(colon + 1, len)));
      *pos = colon + 1 + len;
      return Decoder::Status::Ok;
    }
    if (c == 'l' || c == 'd') {
      BValue coll = c == 'l' ? BValue::make_list() : BValue::make_dict();
      size_t p = *pos + 1;
      for (;;) {
        if (p >= t_.size()) return Decoder::Status::NeedMore;
        if (t_[p] == 'e') break;
        BValue item;
        Decoder::Status s = value(&p, &item, depth + 1);
        if (s != Decoder::Status::Ok) return s;
        if (c == 'l') {
          coll.list.push_back(std::move(item));
          continue;
        }
        if (!item.is_str()) return fail("dictionary key is not a string");
        BValue val;
        s = value(&p, &val, depth + 1);
        if (s != Decoder::Status::Ok) return s;
        coll.dict[item.s] = std::move(val);
      }
      *out = std::move(coll);
      *pos = p + 1;
      return Decoder::Status::Ok;
    }
    return fail(std::string("unexpected byte '") + (c >= 32 && c < 127 ? std::string(1, c) : "?") + "'");
  }
  const std::string& error() const { return error_; }

 private:
  Decoder::Status fail(std::string why) {
    error_ = std::move(why);
    return Decoder::Status::Error;
  }
  std::string_view t_;
  size_t max_len_;
  std::string error_;
};

}  // namespace

Decoder::Status Decoder::next(BValue* out, std::string* error) {
  std::string_view rest = std::string_view(buf_).substr(pos_);
  Parser parser(rest, max_message_);
  size_t p = 0;
  Status s = parser.value(&p, out, 0);
  if (s == Status::Ok) {
    pos_ += p;
    if (pos_ == buf_.size() || pos_ > (1u << 20)) {  // drop what was consumed
      buf_.erase(0, pos_);
      pos_ = 0;
    }
  } else if (s == Status::NeedMore && rest.size() > max_message_) {
    s = Status::Error;
    if (error) *error = "message longer than " + std::to_string(max_message_) + " bytes";
  } else if (s == Status::Error && error) {
    *error = parser.error();
  }
  return s;
}

bool decode_one(std::string_view text, BValue* out) {
  Parser parser(text, text.size());
  size_t p = 0;
  return parser.value(&p, out, 0) == Decoder::Status::Ok && p == text.size();
}

}  // namespace clove::nrepl
