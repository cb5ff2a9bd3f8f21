import { classifyAddress, isAllowedAddressKind } from "@gatehouse/core/network/classify-address";
import { describe, expect, it } from "vitest";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.254", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["169.254.169.254", "link_local"],
    ["169.254.0.1", "link_local"],
    ["::ffff:169.254.169.254", "link_local"],
    ["fe80::1", "link_local"],
    ["febf::1", "link_local"],
    ["0.0.0.0", "reserved"],
    ["0.1.2.3", "reserved"],
    ["224.0.0.1", "reserved"],
    ["239.255.255.250", "reserved"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["100.100.100.200", "reserved"],
    ["192.0.2.1", "reserved"],
    ["::", "reserved"],
    ["ff02::1", "reserved"],
    ["fd00:ec2::254", "reserved"],
    ["2001:db8::1", "reserved"],
    ["64:ff9b::808:808", "public"],
    ["64:ff9b::8.8.8.8", "public"],
    ["64:ff9b::169.254.169.254", "link_local"],
    ["64:ff9b::a9fe:a9fe", "link_local"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b:1::a00:1", "private"],
    ["2002:a9fe:a9fe::1", "link_local"],
    ["2002:7f00:1::", "loopback"],
    ["2002:808:808::1", "public"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
    ["localhost", "reserved"],
    ["", "reserved"],
  ])("classifies %s as %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe("isAllowedAddressKind", () => {
  it.each([
    ["public", false, true],
    ["public", true, true],
    ["private", false, false],
    ["private", true, true],
    ["loopback", false, false],
    ["loopback", true, true],
    ["link_local", true, false],
    ["reserved", true, false],
  ] as const)("%s with allowPrivateNetworks=%s is allowed: %s", (kind, allowPrivateNetworks, isAllowed) => {
    expect(isAllowedAddressKind(kind, { allowPrivateNetworks })).toBe(isAllowed);
  });
});
