# `ruby tools/time-parse-goldens.rb`: what Ruby's Time.parse makes of each date string below, in
# two time zones and at a fixed "now", written to test/fixtures/ruby/time-parse.json for
# test/ruby/date-parse.test.ts (the tests need no Ruby). Add a string here, run it, commit both.
require "time"
require "json"

NOW = [2026, 12, 7, 15, 30, 45] # local time in each zone
ZONES = %w[Asia/Shanghai America/New_York]

INPUTS = [
  # ISO 8601 and what YAML leaves as text
  "2020-01-05", "2020-1-5", "2020-01-05 10:00", "2020-01-05 10:00:30", "2020-01-05T10:00:00Z",
  "2020-01-05T10:00:00+08:00", "2020-01-05 10:00:00 -0700", "2020-01-05 10:00:00 +0530",
  "2020-01-05T10:00:00.123Z", "2020-01-05 10:00 UTC", "2020-01-05 10:00 GMT", "2020-01-05 10:00 EST",
  "2020-01-05 10:00 PDT", "2020-01-05 10:00 CET", "2020-01-05 10:00 +08", "2020-01-05 10:00 UTC+8",
  "2020-01-05T10:00", "20200105", "20200105T103000", "20200105T103000Z", "2020-01-05 10:00 Z",
  "2020-06-15 10:00", "2020-02-30", "2020-02-30 23:00 -0500", "2020-13-01", "2020-01-32",
  "2020-01-00", "2020-01-05 24:00", "2020-01-05 25:00", "2020-01-05 23:59:60",
  # stray characters
  "2020-01-05'", "'2020-01-05'", "2020-01-05\"", "2020-01-05 10:00:00'", "2020-01-05,",
  "2020-01-05 (updated)", " 2020-01-05 ", "2020-01-05T", "Date: 2020-01-05",
  # slashes and dots
  "05/01/2020", "5/1/2020", "01/05/20", "12/31/99", "31/12/2020", "2020/01/05", "2020/1/5 10:00",
  "1/5", "05.01.2020", "2020.01.05", "5.1.20",
  # month names
  "January 5, 2020", "Jan 5, 2020", "Jan 5 2020", "5 January 2020", "5 Jan 2020", "5-Jan-2020",
  "Jan-05-2020", "January 2020", "Jan 2020", "5 March", "March 5", "March 5th, 2020", "5th March 2020",
  "1st of May 2019", "Sept 2021", "Sep. 3, 2021", "3 Sept. 2021", "June", "june 2019", "Dec 25",
  "25 dec 19", "Mon, 06 Jan 2020 10:00:00 +0000", "Monday, January 6, 2020", "Tue Jan 7 10:00:00 2020",
  "Spring 2020", "Fall 2019 semester", "2020 March", "2020-Mar-05", "Mar-05",
  # years, times, odd
  "2020", "'20", "1999", "10:00", "10am", "10:30 pm", "3pm", "noon", "12:00:00 AM", "T10:00",
  "1st", "15th", "today", "yesterday", "2020-W02-1", "2020-005", "H31.04.30", "R2.1.5",
  "5 Jan 44 BC", "2020-01-05 10:00 foo", "10:00 +0900", "Saturday", "sat 10:00",
  "0099-01-01", "99-01-05", "68-01-05", "69-01-05", "1900-02-29", "2000-02-29",
  "2020-03-08 02:30", "2020-11-01 01:30", "1/5/2020 10:00 PM", "2020-01-05 10:00:00.5 +0100", "x" * 129,
  "the fifth of may", "", "abc", "2020年1月5日", "5 février 2020", "05 Mär 2020",
]

def show(str)
  ZONES.to_h do |zone|
    ENV["TZ"] = zone
    now = Time.local(*NOW)
    value = begin
      parsed = Time.parse(str, now)
      t = parsed.dup.localtime
      { "ms" => (t.to_r * 1000).floor.to_i, "local" => t.strftime("%Y-%m-%d %H:%M:%S %z"), "shown" => parsed.to_s }
    rescue ArgumentError => e
      { "error" => e.message }
    end
    [zone, value]
  end
end

cases = INPUTS.map { |str| { "input" => str, "parts" => (Date._parse(str) rescue {}).transform_keys(&:to_s).transform_values { |v| v.is_a?(Rational) ? v.to_f : v } }.merge(show(str)) }
path = File.expand_path("../test/fixtures/ruby/time-parse.json", __dir__)
File.write(path, JSON.pretty_generate({ "ruby" => RUBY_VERSION, "now" => NOW, "cases" => cases }) + "\n")
puts "#{cases.size} cases -> #{path}"
