using System.Net;
using System.Net.Sockets;

namespace NewsReader.Limits;

/// <summary>
/// The network address a per-address limit counts against. It is the connection's address, which
/// the forwarded-headers middleware replaces with the client's only for configured proxies
/// (see Web/PublicAddress.cs), so a client cannot pick its own key with X-Forwarded-For.
/// </summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address, or the /64 of an IPv6 one: a single IPv6 client commonly holds a whole /64.</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);
}
