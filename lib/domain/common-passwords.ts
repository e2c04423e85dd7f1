// Passwords that appear at the top of every leaked-password list, Chinese favourites included
// (sources: the public top-N lists of the CSDN and 12306 leaks, and the global SecLists top lists).
// Compared case-insensitively by lib/domain/password-policy.ts. Most are shorter than the minimum
// length anyway; the list matters for the long ones and keeps the rule honest if the minimum changes.
export const COMMON_PASSWORDS: readonly string[] = [
  // digits
  "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "0123456789", "0987654321", "9876543210",
  "111111", "1111111111", "000000", "0000000000", "666666", "6666666666", "888888", "8888888888", "88888888",
  "123123", "123123123", "1231231234", "123321", "1234554321", "654321", "112233", "11223344", "147258369", "159357",
  "123654", "521521", "5201314", "52013141314", "1314520", "1314521", "131452000", "520520", "147258", "987654321",
  "12344321", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsx", "qazwsxedc", "qazwsxedc123",
  // words and keyboard walks
  "password", "password1", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssw0rd123", "p@ssword1", "password!",
  "password@123", "password123!", "passwd", "pass1234", "qwerty", "qwerty123", "qwerty1234", "qwerty12345", "qwertyuiop",
  "qwertyuiop123", "qwer1234", "qwe123", "qweasd", "qweasdzxc", "qweasdzxc123", "asdfgh", "asdfghjkl", "asdf1234",
  "asd123", "zxcvbnm", "zxcvbnm123", "zxc123", "abc123", "abc123456", "abc1234567", "abcd1234", "abcd123456",
  "abcdefg", "abcdefgh", "abcdefghij", "a123456", "a12345678", "a123456789", "aa123456", "aa12345678", "aa123456!",
  "aa123456789", "aaa111", "aaaaaa", "aaaaaaaaaa", "iloveyou", "iloveyou1", "iloveyou123", "welcome", "welcome1",
  "welcome123", "welcome@123", "letmein", "letmein123", "monkey", "dragon", "dragon123", "master", "master123",
  "sunshine", "princess", "football", "baseball", "shadow", "superman", "batman", "trustno1", "hello123", "hello1234",
  "helloworld", "helloworld123", "starwars", "whatever", "freedom", "michael", "jennifer", "login", "login123",
  // admin defaults
  "admin", "admin123", "admin1234", "admin12345", "admin123456", "admin@123", "admin@1234", "admin@123456",
  "admin123!@#", "administrator", "root", "root123", "root@123", "root123456", "test", "test123", "test1234",
  "test@123", "test123456", "guest", "guest123", "changeme", "changeme123", "default", "system", "system123",
  "manager", "manager123", "oracle", "user123", "user@123", "demo@2026", "p@ssw0rd!", "pa$$w0rd", "pa$$word",
  "qwe!@#123", "1qaz@wsx", "1qaz!qaz", "1qaz@wsx3edc", "!qaz2wsx", "zaq1@wsx", "abc@123", "abc@1234", "abc@123456",
  "aa123456!!", "aa@123456", "a1b2c3d4", "a1b2c3d4e5", "1a2b3c4d", "q1w2e3r4", "q1w2e3r4t5", "qwer!@#$",
  // Chinese favourites: pinyin, love numbers, lucky numbers
  "woaini", "woaini1314", "woaini520", "woaini123", "woaini521", "woaini1314520", "woainima", "woaiwojia", "iloveu1314",
  "5201314520", "1314woaini", "aini1314", "wangyang", "zhangwei", "wangjing", "liuyang", "lijun", "zhang123",
  "wang123456", "li123456", "chen123456", "liu123456", "zhanghao", "nihao123", "nihaoma", "xiaoming", "xiaoxiao",
  "tiantian", "huanhuan", "qq123456", "qq123456789", "qqqqqq", "baidu123", "taobao", "taobao123", "weixin123",
  "zhongguo", "zhongguo123", "beijing", "beijing2008", "shanghai", "shanghai123", "yisheng", "yiyuan123", "weijianwei",
  "888888888", "168168", "168888", "518518", "123456a", "123456aa", "123456abc", "123456qq", "123456789a",
  "123456789abc", "1234567890a", "a1234567890", "aa1234567890", "abc1234567890", "woshishui", "wodemima", "mima123456",
];
