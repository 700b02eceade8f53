using System.Text;

namespace SecureServing.Core.Access;

/// <summary>
/// IAM condition expressions on IAP bindings (cloud.google.com/iap/docs/cloud-iap-context-aware-access-howto and
/// cloud.google.com/iam/docs/conditions-attribute-reference: <c>request.host</c>, <c>request.path</c>), evaluated for one
/// request. The CEL subset understood: string literals, <c>request.host</c> / <c>request.path</c>, <c>==</c>, <c>!=</c>,
/// <c>.startsWith()</c>, <c>.endsWith()</c>, <c>.contains()</c>, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses. Anything
/// else (access levels, time, other attributes, other functions) evaluates to unknown, as does text that does not parse.
/// </summary>
internal static class IamConditions
{
    public static bool? Evaluate(string expression, string host, string path)
    {
        try
        {
            var parser = new Parser(Tokenize(expression), host, path);
            var value = parser.Or();
            return parser.AtEnd ? value.Bool : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A value: a string, a boolean, or unknown (both null).</summary>
    private readonly record struct Value(string? Text, bool? Bool, bool Unknown)
    {
        public static Value Of(string s) => new(s, null, false);

        public static Value Of(bool? b) => new(null, b, b is null);

        public static readonly Value Nothing = new(null, null, true);
    }

    private sealed class Parser(List<string> tokens, string host, string path)
    {
        private int _at;

        public bool AtEnd => _at == tokens.Count;

        public Value Or()
        {
            var left = And();
            while (Accept("||"))
            {
                var right = And();
                left = Value.Of(Tristate.Or([left.Bool, right.Bool]));
            }

            return left;
        }

        private Value And()
        {
            var left = Unary();
            while (Accept("&&"))
            {
                var right = Unary();
                left = Value.Of(Tristate.And(left.Bool, right.Bool));
            }

            return left;
        }

        private Value Unary()
        {
            if (Accept("!"))
            {
                var v = Unary();
                return Value.Of(v.Bool is { } b ? !b : null);
            }

            var left = Postfix();
            if (Accept("=="))
            {
                var right = Postfix();
                return left.Unknown || right.Unknown || left.Text is null || right.Text is null ? Value.Of((bool?)null) : Value.Of(left.Text == right.Text);
            }

            if (Accept("!="))
            {
                var right = Postfix();
                return left.Unknown || right.Unknown || left.Text is null || right.Text is null ? Value.Of((bool?)null) : Value.Of(left.Text != right.Text);
            }

            return left;
        }

        private Value Postfix()
        {
            var value = Primary();
            while (Accept("."))
            {
                var method = Next();
                Expect("(");
                var argument = Or();
                Expect(")");
                value = value.Text is { } s && argument.Text is { } a && !value.Unknown
                    ? method switch
                    {
                        "startsWith" => Value.Of(s.StartsWith(a, StringComparison.Ordinal)),
                        "endsWith" => Value.Of(s.EndsWith(a, StringComparison.Ordinal)),
                        "contains" => Value.Of(s.Contains(a, StringComparison.Ordinal)),
                        _ => Value.Nothing,
                    }
                    : Value.Nothing;
            }

            return value;
        }

        private Value Primary()
        {
            var token = Next();
            if (token == "(")
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            if (token.Length >= 2 && token[0] == '"')
            {
                return Value.Of(token[1..^1]);
            }

            return token switch
            {
                "true" => Value.Of(true),
                "false" => Value.Of(false),
                "request.host" => Value.Of(host),
                "request.path" => Value.Of(path),
                _ when char.IsLetter(token[0]) => Value.Nothing,
                _ => throw new FormatException(token),
            };
        }

        private bool Accept(string token)
        {
            if (_at < tokens.Count && tokens[_at] == token)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FormatException(token);
            }
        }

        private string Next() => _at < tokens.Count ? tokens[_at++] : throw new FormatException("end");
    }

    /// <summary>Tokens: operators, parentheses, <c>.</c>, string literals (as <c>"text"</c>) and dotted identifiers such as <c>request.path</c>.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new FormatException("string");
                }

                tokens.Add('"' + text[(i + 1)..end] + '"');
                i = end + 1;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "&&" or "||" or "==" or "!=")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '(' or ')' or '!' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (char.IsLetter(c))
            {
                var word = new StringBuilder();
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    word.Append(text[i++]);
                }

                // A method call: `request.path.startsWith(` is the attribute, then `.`, then the method.
                var w = word.ToString();
                var dot = w.LastIndexOf('.');
                if (dot > 0 && i < text.Length && text[i] == '(')
                {
                    tokens.Add(w[..dot]);
                    tokens.Add(".");
                    tokens.Add(w[(dot + 1)..]);
                }
                else
                {
                    tokens.Add(w);
                }
            }
            else if (c == '.')
            {
                tokens.Add(".");
                i++;
            }
            else
            {
                throw new FormatException(c.ToString());
            }
        }

        return tokens;
    }
}
