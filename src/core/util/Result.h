#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace socketscope {

// An error as a value: a stable machine code, a sentence for the operator and the fix to try.
struct Error
{
    QString code;    // e.g. "invalid_auth", "http_429", "not_json"
    QString message; // what happened, in words
    QString fix;     // what the operator can do about it; may be empty

    QString toString() const
    {
        return fix.isEmpty() ? message : message + QStringLiteral(" Fix: ") + fix;
    }
};

// Result<T>: either a value or an Error (C++17 has no std::expected).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace socketscope
