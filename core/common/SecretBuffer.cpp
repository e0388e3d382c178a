#include "core/common/SecretBuffer.h"

#include <QIODevice>

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace raysec {

namespace {

void ensureSodium()
{
    // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
    if (sodium_init() < 0) {
        throw std::bad_alloc();
    }
}

} // namespace

SecretBuffer::SecretBuffer(std::size_t size)
{
    reserve(size);
    m_size = size;
    if (size > 0) {
        sodium_memzero(m_data, size);
    }
}

SecretBuffer::SecretBuffer(const char* data, std::size_t size)
{
    append(data, size);
}

SecretBuffer::~SecretBuffer()
{
    clear();
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
{
}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

std::span<const unsigned char> SecretBuffer::bytes() const
{
    return {reinterpret_cast<const unsigned char*>(m_data), m_size};
}

std::span<unsigned char> SecretBuffer::bytes()
{
    return {reinterpret_cast<unsigned char*>(m_data), m_size};
}

void SecretBuffer::reserve(std::size_t capacity)
{
    if (capacity <= m_capacity) {
        return;
    }
    ensureSodium();

    // Grow geometrically so that reading a secret byte by byte stays linear.
    const std::size_t newCapacity = std::max<std::size_t>(capacity, m_capacity * 2 + 32);
    auto* block = static_cast<char*>(sodium_malloc(newCapacity));
    if (!block) {
        throw std::bad_alloc();
    }
    if (m_data) {
        std::memcpy(block, m_data, m_size);
        sodium_free(m_data); // wipes the old block
    }
    m_data = block;
    m_capacity = newCapacity;
}

void SecretBuffer::append(const char* data, std::size_t size)
{
    if (size == 0) {
        return;
    }
    reserve(m_size + size);
    std::memcpy(m_data + m_size, data, size);
    m_size += size;
}

void SecretBuffer::truncate(std::size_t size)
{
    if (size >= m_size) {
        return;
    }
    sodium_memzero(m_data + size, m_size - size);
    m_size = size;
}

void SecretBuffer::clear()
{
    if (m_data) {
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
}

bool SecretBuffer::equals(const SecretBuffer& other) const
{
    if (m_size != other.m_size) {
        return false;
    }
    if (m_size == 0) {
        return true;
    }
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

SecretBuffer SecretBuffer::readLine(QIODevice& device, std::size_t maxSize)
{
    SecretBuffer secret;
    char c = 0;
    while (secret.size() < maxSize && device.getChar(&c)) {
        if (c == '\n') {
            break;
        }
        secret.append(&c, 1);
    }
    if (!secret.isEmpty() && secret.data()[secret.size() - 1] == '\r') {
        secret.truncate(secret.size() - 1);
    }
    sodium_memzero(&c, sizeof c);
    return secret;
}

SecretBuffer SecretBuffer::readAll(QIODevice& device, std::size_t maxSize)
{
    SecretBuffer secret;
    char chunk[512];
    while (secret.size() < maxSize) {
        const qint64 n =
            device.read(chunk, qint64(std::min(sizeof chunk, maxSize - secret.size())));
        if (n <= 0) {
            break;
        }
        secret.append(chunk, std::size_t(n));
    }
    sodium_memzero(chunk, sizeof chunk);
    return secret;
}

} // namespace raysec
