package com.gatehouse.api.push;

/** Where a device receives pushes: Android and iOS through FCM, browsers through Web Push (or FCM). */
public enum DevicePlatform {
    ANDROID, IOS, WEB
}
